namespace Automation.Engine.Credentials;

/// <summary>A setting or secret a kind of credential holds.</summary>
/// <param name="Name">Key in <see cref="CredentialRecord.Fields"/> or in the secrets.</param>
/// <param name="DisplayName">Label for the form.</param>
/// <param name="Required">Whether a credential of this kind must have it.</param>
/// <param name="Type">string or number (fields only; secrets are strings).</param>
/// <param name="Options">Allowed values, when it is a choice.</param>
public sealed record CredentialField(string Name, string DisplayName, bool Required, string Type = "string", IReadOnlyList<string>? Options = null);

/// <summary>A kind of credential: the settings and secrets it holds, served to the designer's credential form.</summary>
public sealed record CredentialKind(
    string Name, string DisplayName, string Description, IReadOnlyList<CredentialField> Fields, IReadOnlyList<CredentialField> Secrets,
    bool AllowsOtherFields = false);

/// <summary>The kinds of credential the product knows.</summary>
public static class CredentialKinds
{
    /// <summary>A user name and password for a web application or service.</summary>
    public static readonly CredentialKind UsernamePassword = new(
        "usernamePassword", "User name and password", "Signs in to a web application or service (bots, HTTP basic authentication).",
        [new("username", "User name", true), new("url", "Sign-in address", false)],
        [new("password", "Password", true)]);

    /// <summary>An API key or bearer token.</summary>
    public static readonly CredentialKind ApiKey = new(
        "apiKey", "API key", "A key or token sent with HTTP requests to another system.",
        [new("headerName", "Header name (for example X-Api-Key or Authorization)", false)],
        [new("apiKey", "API key or token", true)]);

    /// <summary>A mail server account (IMAP to read, SMTP to send).</summary>
    public static readonly CredentialKind MailServer = new(
        "mailServer", "Mail server account", "Reads a mailbox (IMAP) or sends mail (SMTP).",
        [
            new("host", "Server name", true), new("port", "Port", true, "number"),
            new("security", "Connection security", true, Options: ["none", "startTls", "sslOnConnect", "auto"]),
            new("username", "User name", false),
        ],
        [new("password", "Password", false)]);

    /// <summary>Anything else: named settings and secrets of the user's choosing.</summary>
    public static readonly CredentialKind Other = new(
        "other", "Other", "Named settings and secrets for anything else.", [], [], AllowsOtherFields: true);

    /// <summary>Every kind, in the order a form offers them.</summary>
    public static readonly IReadOnlyList<CredentialKind> All = [UsernamePassword, ApiKey, MailServer, Other];

    /// <summary>The kind called <paramref name="name"/>, or null.</summary>
    public static CredentialKind? Find(string? name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
}
