using Automation.Bots.Mail.Accounts;
using MimeKit;

namespace Automation.Bots.Mail.Messages;

/// <summary>
/// Sends a composed message through a mail server account: the one sending path shared by the <c>SendEmail</c>
/// activity and C# bots that notify people (for example the starter/leaver bot telling a line manager).
/// </summary>
public static class MailSender
{
    /// <summary>
    /// The sender: <paramref name="from"/> when given, otherwise the account's user name when that is an address.
    /// </summary>
    /// <param name="account">The account the message goes through.</param>
    /// <param name="from">The sender as written (<c>hr@council.gov.uk</c> or <c>"HR" &lt;hr@council.gov.uk&gt;</c>), or empty.</param>
    /// <param name="input">The name of the setting or input that gave <paramref name="from"/>, for the error.</param>
    /// <exception cref="FormatException"><paramref name="from"/> is not one address, or it is empty and the account's user name is not an address.</exception>
    public static MailboxAddress Sender(MailAccount account, string? from, string input = "from")
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!string.IsNullOrWhiteSpace(from)) return MailAddresses.ParseOne(from, input);
        if (account.UserName is { } user && MailAddresses.IsAddress(user)) return MailboxAddress.Parse(user);
        throw new FormatException($"Input '{input}': give the sender's address (the account of credential '{account.CredentialName}' has no user name that is an address).");
    }

    /// <summary>Sends <paramref name="message"/> trusting the machine's certificate store only; see the overload with a <see cref="MailServerTrust"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static Task<MailFailure?> SendAsync(MailAccount account, MimeMessage message, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync(account, message, timeout, null, cancellationToken);

    /// <summary>
    /// Connects to <paramref name="account"/>'s SMTP server, signs in, sends <paramref name="message"/> and disconnects.
    /// Returns null when the server accepted the message, otherwise what went wrong: <see cref="MailFailure.Transient"/>
    /// says whether trying again may help (the server could not be reached or said "try later") or not (a refused
    /// password, sender or recipient). The failure's message never holds the password.
    /// </summary>
    /// <param name="account">The account to send through.</param>
    /// <param name="message">The message, with its sender and recipients set.</param>
    /// <param name="timeout">How long each exchange with the server may take.</param>
    /// <param name="trust">Which server certificates to trust (the host's <see cref="MailServerTrust"/>); null for the machine's store only.</param>
    /// <param name="cancellationToken">Stops the sending.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static async Task<MailFailure?> SendAsync(MailAccount account, MimeMessage message, TimeSpan timeout, MailServerTrust? trust, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            using var smtp = await MailConnections.ConnectSmtpAsync(account, timeout, trust, cancellationToken).ConfigureAwait(false);
            await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await smtp.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (MailFailure.Describe(e, account) is { } failure)
        {
            return failure;
        }
    }
}
