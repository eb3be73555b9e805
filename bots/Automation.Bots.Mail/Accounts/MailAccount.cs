using System.Text.Json;
using Automation.Engine.Credentials;
using MailKit.Security;

namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// A mail server account read from a <c>mailServer</c> credential: where to connect, how to secure the connection and
/// how to sign in. Holds the password in clear while an activity runs: never log it or put it in an output.
/// </summary>
/// <param name="CredentialName">The credential it came from, for messages.</param>
/// <param name="Host">Server name.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Security">none, startTls, sslOnConnect or auto, as MailKit's options.</param>
/// <param name="UserName">User name to sign in with; no sign-in when empty.</param>
/// <param name="Password">The password (empty when the credential has none).</param>
public sealed record MailAccount(string CredentialName, string Host, int Port, SecureSocketOptions Security, string? UserName, string Password)
{
    /// <summary>The credential's security setting as written (for messages).</summary>
    public string SecurityName => Security switch
    {
        SecureSocketOptions.None => "none",
        SecureSocketOptions.StartTls => "startTls",
        SecureSocketOptions.SslOnConnect => "sslOnConnect",
        _ => "auto",
    };

    /// <summary>Reads an account from an unlocked credential.</summary>
    /// <exception cref="MailAccountException">The credential is not a mail server account, or its host, port or security is missing or invalid.</exception>
    public static MailAccount From(UnlockedCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.Kind != CredentialKinds.MailServer.Name)
            throw new MailAccountException($"Credential '{credential.Name}' is of kind {credential.Kind}; mail needs a {CredentialKinds.MailServer.DisplayName.ToLowerInvariant()} ({CredentialKinds.MailServer.Name}).");
        var host = credential.Field("host");
        if (string.IsNullOrWhiteSpace(host))
            throw new MailAccountException($"Credential '{credential.Name}' has no server name (host).");
        var portNode = credential.Fields["port"];
        if (portNode is null || portNode.GetValueKind() != JsonValueKind.Number || !portNode.AsValue().TryGetValue<int>(out var port) || port is < 1 or > 65535)
            throw new MailAccountException($"Credential '{credential.Name}' has no valid port (1-65535).");
        var security = credential.Field("security") switch
        {
            null or "" or "auto" => SecureSocketOptions.Auto,
            "none" => SecureSocketOptions.None,
            "startTls" => SecureSocketOptions.StartTls,
            "sslOnConnect" => SecureSocketOptions.SslOnConnect,
            var other => throw new MailAccountException($"Credential '{credential.Name}' has connection security '{other}'; use none, startTls, sslOnConnect or auto."),
        };
        var userName = credential.Field("username");
        return new MailAccount(credential.Name, host.Trim(), port, security, string.IsNullOrWhiteSpace(userName) ? null : userName.Trim(),
            credential.Secrets.GetValueOrDefault("password") ?? "");
    }

    /// <inheritdoc />
    /// <remarks>Names the server and credential only, so that an accidental log line carries no password.</remarks>
    public override string ToString() => $"{Host}:{Port} (credential '{CredentialName}')";
}
