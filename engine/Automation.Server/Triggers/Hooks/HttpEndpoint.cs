using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Server.Triggers.Hooks;

/// <summary>
/// Starts the workflow when another system posts to <c>/api/hooks/&lt;path&gt;</c> (a form posted by the HR system, a
/// webhook). The request's JSON object or form fields are the input, with its headers and query beside them.
/// </summary>
[Activity(TypeName, Category = "Triggers", IsTrigger = true, DisplayName = "HTTP endpoint",
    Description = "Starts the workflow when a system posts to /api/hooks/<path>: the JSON body or form fields become the input, and uploaded files are kept as documents.")]
[Outcome(Outcomes.Done)]
[Output("headers", "object", Description = "The request headers by lower-case name (without the API key, the secret or the signature).")]
[Output("query", "object", Description = "The query string parameters.")]
[Output("body", "any", Description = "The body when it is not a JSON object or a form (an array, a number, or text); a JSON object's or form's fields are output fields themselves.")]
public sealed class HttpEndpoint : TriggerActivity
{
    /// <summary>The activity type name.</summary>
    public const string TypeName = "HttpEndpoint";

    /// <summary>The longest wait a hook may hold its caller for.</summary>
    public static readonly TimeSpan MaxWaitTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The path under <c>/api/hooks/</c>.</summary>
    [Input(Description = "The address under /api/hooks/ that starts this workflow, for example hr/starters (letters, digits, '-', '_' and '/').",
        Required = true)]
    public string Path { get; set; } = "";

    /// <summary>How a caller proves it may start the workflow (one of <see cref="HookAuthentication"/>).</summary>
    [Input(Description = "How callers prove who they are: an API key of a role that may start instances (X-Api-Key), a shared secret in a header, or an HMAC-SHA256 signature of the body (sha256=<hex>, as GitHub sends).",
        Options = [HookAuthentication.ApiKey, HookAuthentication.SharedSecret, HookAuthentication.HmacSha256])]
    public string Authentication { get; set; } = HookAuthentication.ApiKey;

    /// <summary>The credential holding the shared secret or signing key (kind apiKey or other).</summary>
    [Input(Description = "The stored credential holding the shared secret or signing key (an API key credential, or an Other credential with a secret called 'secret'). Not used with API key authentication.",
        Editor = InputEditors.Credential)]
    public string? Credential { get; set; }

    /// <summary>The header carrying the secret or signature; the mode's usual header when empty.</summary>
    [Input(DisplayName = "Header", Description = "The header that carries the shared secret (X-Hook-Secret when empty) or the signature (X-Hub-Signature-256 when empty).")]
    public string? Header { get; set; }

    /// <summary>How long the caller waits for the workflow's output; zero answers at once.</summary>
    [Input(Description = "How long to hold the caller for the workflow's result: 0 answers 202 with the instance id at once; otherwise 200 with the output if the workflow ends in time, else 202 (at most 5 minutes).")]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.Zero;

    /// <inheritdoc />
    public override string? TriggerKey => HookPaths.Normalise(Path);

    /// <summary>The header that carries the secret or signature in this mode; null with API key authentication.</summary>
    public string? SecretHeader => Authentication switch
    {
        HookAuthentication.SharedSecret => string.IsNullOrWhiteSpace(Header) ? HookAuthentication.DefaultSecretHeader : Header.Trim(),
        HookAuthentication.HmacSha256 => string.IsNullOrWhiteSpace(Header) ? HookAuthentication.DefaultSignatureHeader : Header.Trim(),
        _ => null,
    };

    /// <inheritdoc />
    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        if (HookPaths.Normalise(Path) is not { } path || path.Length == 0)
            yield return ("path", "Give the hook a path under /api/hooks/, for example hr/starters.");
        else if (HookPaths.Problem(path) is { } problem)
            yield return ("path", problem);
        if (!HookAuthentication.All.Contains(Authentication, StringComparer.Ordinal))
            yield return ("authentication", $"'{Authentication}' is not a way to authenticate a hook; use {string.Join(", ", HookAuthentication.All)}.");
        else if (Authentication != HookAuthentication.ApiKey && string.IsNullOrWhiteSpace(Credential))
            yield return ("credential", "Choose the credential that holds the shared secret or signing key.");
        if (!string.IsNullOrWhiteSpace(Header) && !HookPaths.IsHeaderName(Header.Trim()))
            yield return ("header", $"'{Header}' is not a header name (letters, digits and '-').");
        if (WaitTimeout < TimeSpan.Zero || WaitTimeout > MaxWaitTimeout)
            yield return ("waitTimeout", "The wait must be between 0 (answer at once) and 5 minutes.");
    }
}
