using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Samples.LegacyKit;

/// <summary>The common set-up of a sample legacy app, so each app's <c>Program</c> stays a few lines.</summary>
public static class LegacyHost
{
    /// <summary>
    /// Binds <see cref="LegacyAppOptions"/> from <paramref name="section"/> (the database path defaulting to
    /// <paramref name="defaultDatabase"/> under the content root), and registers sign-on, anti-forgery and the clock.
    /// </summary>
    public static void AddLegacyApp(this WebApplicationBuilder builder, string section, string cookieName, string defaultDatabase)
    {
        builder.Services.AddOptions<LegacyAppOptions>()
            .Bind(builder.Configuration.GetSection(section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.DatabasePath))
                {
                    o.DatabasePath = Path.Combine(builder.Environment.ContentRootPath, "data", defaultDatabase);
                }

                o.Validate(section);
            });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAntiforgery();
        builder.Services.AddLegacySignOn(cookieName);
    }

    /// <summary>Slow pages, sign-on, anti-forgery, and the login endpoints.</summary>
    public static void UseLegacyApp(this WebApplication app, string appName)
    {
        // Resolve once so a bad setting fails at start with its name, not on the first request.
        _ = app.Services.GetRequiredService<IOptions<LegacyAppOptions>>().Value;
        app.UseSlowPages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapLegacySignOn(appName);
    }
}
