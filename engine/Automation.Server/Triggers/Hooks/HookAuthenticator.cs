using System.Security.Cryptography;
using System.Text;
using Automation.Engine.Credentials;
using Automation.Engine.Triggers;
using Automation.Server.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Triggers.Hooks;

/// <summary>
/// Checks that a request to a hook comes from someone allowed to start its workflow: an API key of a role that may
/// start instances, the shared secret, or a valid HMAC-SHA256 signature of the body, as the trigger says.
/// </summary>
/// <remarks>
/// Secrets are read through the <see cref="CredentialVault"/> for each request and never logged; a rejected request is
/// recorded as an <c>error</c> event of the trigger (without the secret or what the caller sent), so an operator can see
/// why a sender's deliveries fail.
/// </remarks>
public sealed class HookAuthenticator(CredentialVault vault, IAuthorizationService authorization, TriggerStarter starter, ILogger<HookAuthenticator> logger)
{
    /// <summary>Checks the request; null when it may start the workflow, else the 401, 403 or 500 problem to answer with.</summary>
    /// <param name="context">The request (its headers and, for API keys, its authentication).</param>
    /// <param name="trigger">The hook's registration.</param>
    /// <param name="hook">The hook's settings.</param>
    /// <param name="body">The raw body, as signed; needed only for <see cref="HookAuthentication.HmacSha256"/>.</param>
    /// <param name="cancellationToken">Cancels the credential read.</param>
    public async Task<ProblemHttpResult?> CheckAsync(
        HttpContext context, TriggerRegistration trigger, HttpEndpoint hook, byte[]? body, CancellationToken cancellationToken)
    {
        if (hook.Authentication == HookAuthentication.ApiKey) return await CheckApiKeyAsync(context);
        var header = hook.SecretHeader!;
        var sent = context.Request.Headers[header].ToString().Trim();
        if (sent.Length == 0)
            return await RejectAsync(trigger, hook.Authentication == HookAuthentication.SharedSecret
                ? $"Send the hook's shared secret in the {header} header."
                : $"Sign the body with HMAC-SHA256 and send sha256=<hex> in the {header} header.", cancellationToken);

        var secret = await ReadSecretAsync(trigger, hook.Credential!, cancellationToken);
        if (secret is null)
            return Problem(StatusCodes.Status500InternalServerError, "The hook is not usable",
                "The hook cannot check requests: its credential is missing or unusable. The trigger's events say more.");
        var secretBytes = Encoding.UTF8.GetBytes(secret);

        if (hook.Authentication == HookAuthentication.SharedSecret)
        {
            // Hashing both sides first gives equal lengths, so the constant-time comparison does not reveal the secret's length either.
            var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(secretBytes));
            return matches ? null : await RejectAsync(trigger, $"The shared secret in the {header} header does not match.", cancellationToken);
        }

        var hex = sent.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? sent["sha256=".Length..] : sent;
        byte[] signature;
        try
        {
            signature = hex.Length == 64 ? Convert.FromHexString(hex) : throw new FormatException();
        }
        catch (FormatException)
        {
            return await RejectAsync(trigger, $"The {header} header must be sha256= followed by 64 hexadecimal digits.", cancellationToken);
        }
        ArgumentNullException.ThrowIfNull(body);
        var expected = HMACSHA256.HashData(secretBytes, body);
        return CryptographicOperations.FixedTimeEquals(signature, expected)
            ? null
            : await RejectAsync(trigger, $"The signature in the {header} header does not match the body.", cancellationToken);
    }

    /// <summary>The HMAC-SHA256 signature of <paramref name="body"/> with <paramref name="secret"/> as a hook expects it (<c>sha256=&lt;hex&gt;</c>).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private async Task<ProblemHttpResult?> CheckApiKeyAsync(HttpContext context)
    {
        // The endpoint is anonymous for routing (secret and signature hooks have no key), so the key is checked here.
        var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (!result.Succeeded)
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                result.Failure?.Message ?? $"Send an API key in the {ApiKeys.HeaderName} header.");
        var allowed = await authorization.AuthorizeAsync(result.Principal, Policies.StartInstances);
        if (allowed.Succeeded)
        {
            context.User = result.Principal;
            return null;
        }
        var roles = result.Principal.Roles();
        return Problem(StatusCodes.Status403Forbidden, "Forbidden",
            $"The API key's roles ({(roles.Count == 0 ? "none" : string.Join(", ", roles))}) do not allow starting workflows.");
    }

    private async Task<string?> ReadSecretAsync(TriggerRegistration trigger, string credentialName, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            var credential = await vault.UnlockAsync(credentialName, cancellationToken);
            var secret = credential.Kind switch
            {
                "apiKey" => credential.Secrets.GetValueOrDefault("apiKey"),
                "other" => credential.Secrets.GetValueOrDefault("secret") ?? (credential.Secrets.Count == 1 ? credential.Secrets.Values.Single() : null),
                _ => null,
            };
            if (!string.IsNullOrEmpty(secret)) return secret;
            problem = credential.Kind is "apiKey" or "other"
                ? $"Credential '{credentialName}' holds no secret to check requests with (an Other credential needs one called 'secret')."
                : $"Credential '{credentialName}' is a {credential.Kind} credential; a hook needs an API key or Other credential.";
        }
        catch (KeyNotFoundException ex)
        {
            problem = ex.Message;
        }
        catch (CryptographicException)
        {
            problem = $"Credential '{credentialName}' cannot be decrypted with this server's master key.";
        }
        logger.LogWarning("Hook {TriggerId} cannot check requests: {Problem}", trigger.Id, problem);
        await starter.RecordAsync(trigger, TriggerEventKinds.Error, "A request was refused: " + problem, cancellationToken: cancellationToken);
        return null;
    }

    private async Task<ProblemHttpResult> RejectAsync(TriggerRegistration trigger, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Hook {TriggerId} refused a request: {Reason}", trigger.Id, reason);
        await starter.RecordAsync(trigger, TriggerEventKinds.Error, "A request was refused: " + reason, cancellationToken: cancellationToken);
        return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", reason);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
