using Automation.Engine.Activities.Framework;
using Automation.Engine.Credentials;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Mail.Accounts;

/// <summary>Opens signed-in SMTP and IMAP connections for an activity from a stored mail server credential.</summary>
public static class MailConnections
{
    /// <summary>Reads the credential called <paramref name="name"/> from the host's vault as a mail account.</summary>
    /// <exception cref="MailAccountException">There is no vault or no such credential, or it is not a usable mail server account.</exception>
    public static Task<MailAccount> UnlockAsync(IServiceProvider services, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new MailAccountException("Choose the mail server account (credential) to use.");
        var vault = services.GetService<CredentialVault>()
            ?? throw new MailAccountException($"Credential '{name}' cannot be used: this host keeps no credentials.");
        return UnlockAsync(vault, name, cancellationToken);
    }

    /// <summary>Reads the credential called <paramref name="name"/> from <paramref name="vault"/> as a mail account (for C# bots, which hold the vault).</summary>
    /// <exception cref="MailAccountException">There is no such credential, or it is not a usable mail server account.</exception>
    public static async Task<MailAccount> UnlockAsync(CredentialVault vault, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        if (string.IsNullOrWhiteSpace(name)) throw new MailAccountException("Choose the mail server account (credential) to use.");
        try
        {
            return MailAccount.From(await vault.UnlockAsync(name, cancellationToken).ConfigureAwait(false));
        }
        catch (KeyNotFoundException e)
        {
            throw new MailAccountException(e.Message);
        }
    }

    /// <summary>Reads the credential for <paramref name="context"/>'s activity (see <see cref="UnlockAsync(IServiceProvider, string, CancellationToken)"/>).</summary>
    /// <exception cref="MailAccountException">The credential is missing or not a usable mail server account.</exception>
    public static Task<MailAccount> UnlockAsync(ActivityContext context, string name) =>
        UnlockAsync(context.Services, name, context.CancellationToken);

    /// <summary>An SMTP connection to <paramref name="account"/>, trusting the machine's certificate store only (see the overload with a <see cref="MailServerTrust"/>).</summary>
    /// <exception cref="Exception">MailKit's and the socket's exceptions; <see cref="MailFailure.Describe"/> explains them.</exception>
    public static Task<SmtpClient> ConnectSmtpAsync(MailAccount account, TimeSpan timeout, CancellationToken cancellationToken) =>
        ConnectSmtpAsync(account, timeout, null, cancellationToken);

    /// <summary>An SMTP connection to <paramref name="account"/>, signed in when it has a user name (dispose it).</summary>
    /// <param name="account">The server and sign-in.</param>
    /// <param name="timeout">How long the connection and each exchange may take.</param>
    /// <param name="trust">Which server certificates to trust; null for the machine's store only.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="MailCertificateException">The server's certificate was refused (the message says why).</exception>
    /// <exception cref="Exception">MailKit's and the socket's exceptions; <see cref="MailFailure.Describe"/> explains them.</exception>
    public static async Task<SmtpClient> ConnectSmtpAsync(MailAccount account, TimeSpan timeout, MailServerTrust? trust, CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        try
        {
            await ConnectAsync(client, account, timeout, trust, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>An IMAP connection to <paramref name="account"/>, trusting the machine's certificate store only (see the overload with a <see cref="MailServerTrust"/>).</summary>
    /// <exception cref="Exception">MailKit's and the socket's exceptions; <see cref="MailFailure.Describe"/> explains them.</exception>
    public static Task<ImapClient> ConnectImapAsync(MailAccount account, TimeSpan timeout, CancellationToken cancellationToken) =>
        ConnectImapAsync(account, timeout, null, cancellationToken);

    /// <summary>An IMAP connection to <paramref name="account"/>, signed in when it has a user name (dispose it).</summary>
    /// <param name="account">The server and sign-in.</param>
    /// <param name="timeout">How long the connection and each exchange may take.</param>
    /// <param name="trust">Which server certificates to trust; null for the machine's store only.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="MailCertificateException">The server's certificate was refused (the message says why).</exception>
    /// <exception cref="Exception">MailKit's and the socket's exceptions; <see cref="MailFailure.Describe"/> explains them.</exception>
    public static async Task<ImapClient> ConnectImapAsync(MailAccount account, TimeSpan timeout, MailServerTrust? trust, CancellationToken cancellationToken)
    {
        var client = new ImapClient();
        try
        {
            await ConnectAsync(client, account, timeout, trust, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task ConnectAsync(IMailService client, MailAccount account, TimeSpan timeout, MailServerTrust? trust, CancellationToken cancellationToken)
    {
        var certificate = (trust ?? MailServerTrust.SystemOnly).Apply(client, account.Host);
        // MailKit's timeout applies to each read and write; the connect itself is bounded by the same value.
        client.Timeout = (int)Math.Clamp(timeout.TotalMilliseconds, 1000, int.MaxValue);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(account.Host, account.Port, account.Security, connectTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Connecting to {account} took longer than {timeout.TotalSeconds:0.#} s.");
        }
        catch (SslHandshakeException e) when (certificate.Problem is { } problem)
        {
            throw new MailCertificateException($"The mail server {account} was refused as not secure: {problem}.", e);
        }
        if (account.UserName is not null)
            await client.AuthenticateAsync(account.UserName, account.Password, cancellationToken).ConfigureAwait(false);
    }
}
