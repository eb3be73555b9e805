using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Automation.Server.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header: the key's SHA-256 is looked up in the key store; its name becomes the
/// user name and its roles role claims. Challenges (401) and forbids (403) answer with ProblemDetails.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyLookup lookup, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[ApiKeys.HeaderName].ToString().Trim();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        var record = await lookup.FindAsync(header, Context.RequestAborted).ConfigureAwait(false);
        if (record is null) return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, record.Id),
            new(ClaimTypes.Name, record.Name),
        };
        claims.AddRange(record.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            result.Failure?.Message ?? $"Send an API key in the {ApiKeys.HeaderName} header.").ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var roles = Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"The API key's roles ({(roles.Length == 0 ? "none" : string.Join(", ", roles))}) do not allow this operation.");
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
