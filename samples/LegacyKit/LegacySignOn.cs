using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Samples.LegacyKit;

/// <summary>
/// Sign-on for the sample apps: a cookie that lapses after <see cref="LegacyAppOptions.SessionTimeoutSeconds"/>
/// idle (sliding), a login page, and sign-off. A lapsed sign-on sends the user to the login page with a
/// "session timed out" message, so a bot can tell a timeout from a first visit.
/// </summary>
public static class LegacySignOn
{
    /// <summary>Registers cookie sign-on; its clock is the <see cref="TimeProvider"/> in the container.</summary>
    public static IServiceCollection AddLegacySignOn(this IServiceCollection services, string cookieName)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<LegacyAppOptions>, TimeProvider>((o, app, clock) =>
            {
                o.Cookie.Name = cookieName;
                o.Cookie.HttpOnly = true;
                o.ExpireTimeSpan = TimeSpan.FromSeconds(app.Value.SessionTimeoutSeconds);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.TimeProvider = clock;
                o.Events.OnRedirectToLogin = ctx =>
                {
                    // The cookie is still there but no longer valid: the session timed out.
                    var expired = ctx.Request.Cookies.ContainsKey(cookieName);
                    ctx.Response.Redirect(expired ? ctx.RedirectUri + "&expired=1" : ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>Maps GET/POST <c>/login</c> and POST <c>/logout</c>.</summary>
    public static void MapLegacySignOn(this WebApplication app, string appName)
    {
        app.MapGet("/login", (HttpContext ctx, string? returnUrl, string? expired) =>
            Html.Page(LoginPage(appName, ctx, returnUrl, expired is not null ? "Session timed out. Please sign on again." : null)));

        app.MapPost("/login", async (HttpContext ctx, [FromForm] string? uid, [FromForm] string? pwd, [FromForm] string? returnUrl, IOptions<LegacyAppOptions> options) =>
        {
            var o = options.Value;
            if (!Same(uid, o.UserName) || !Same(pwd, o.Password))
            {
                return Html.Page(LoginPage(appName, ctx, returnUrl, "Sign on failed: user ID or password not recognised."), 200);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, o.UserName)], CookieAuthenticationDefaults.AuthenticationScheme);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            // Only local return addresses: an open redirect would be a gift to phishers.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.Redirect(target);
        });

        app.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }

    private static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static string LoginPage(string appName, HttpContext ctx, string? returnUrl, string? message)
    {
        var msg = message is null ? "" : $"<p class=\"err\" id=\"msg\">{Html.E(message)}</p>";
        var body = $"""
            <h3>Sign on</h3>{msg}
            <form method="post" action="/login">{LegacyLayout.Token(ctx)}
            <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
            <table><tr><td><label for="uid">User ID</label></td><td><input id="uid" name="uid" size="12"></td></tr>
            <tr><td><label for="pwd">Password</label></td><td><input id="pwd" name="pwd" type="password" size="12"></td></tr>
            <tr><td></td><td><input type="submit" id="btnSignOn" value="Sign on"></td></tr></table>
            </form>
            """;
        return LegacyLayout.Render(appName, "Sign on", body, ctx, []);
    }
}
