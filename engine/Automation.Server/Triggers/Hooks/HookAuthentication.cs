namespace Automation.Server.Triggers.Hooks;

/// <summary>The ways a hook checks its caller (the values of <see cref="HttpEndpoint.Authentication"/>).</summary>
public static class HookAuthentication
{
    /// <summary>The caller sends an API key (<c>X-Api-Key</c>) of a role that may start instances.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>The caller sends a shared secret in a header; compared in constant time.</summary>
    public const string SharedSecret = "sharedSecret";

    /// <summary>The caller signs the raw body with HMAC-SHA256 and sends <c>sha256=&lt;hex&gt;</c> in a header.</summary>
    public const string HmacSha256 = "hmacSha256";

    /// <summary>Every mode.</summary>
    public static readonly IReadOnlyList<string> All = [ApiKey, SharedSecret, HmacSha256];

    /// <summary>The header a shared secret comes in when the trigger names none.</summary>
    public const string DefaultSecretHeader = "X-Hook-Secret";

    /// <summary>The header a signature comes in when the trigger names none (GitHub's).</summary>
    public const string DefaultSignatureHeader = "X-Hub-Signature-256";

    /// <summary>The header whose value makes a retried request start one instance.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";
}
