using System.Net.Sockets;
using Automation.Engine.Runtime;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// What went wrong talking to a mail server, in words a process owner can act on, and whether trying again may help
/// (the server could not be reached, dropped the connection, or said "try later") or not (a refused password or
/// address, a missing folder). Follows MailKit's split between failures that break the connection and commands the
/// server refused.
/// </summary>
/// <param name="Message">The message for the journal and the incident; it never holds the password.</param>
/// <param name="Transient">True when a retry may succeed.</param>
public sealed record MailFailure(string Message, bool Transient)
{
    /// <summary>Describes <paramref name="error"/> raised while talking to <paramref name="account"/>; null for errors that are not the server's (bugs, cancellation).</summary>
    public static MailFailure? Describe(Exception error, MailAccount account)
    {
        var failure = error switch
        {
            SocketException socket => new MailFailure($"Could not connect to the mail server {account}: {socket.Message}.", true),
            TimeoutException => new MailFailure($"The mail server {account} did not answer in time.", true),
            AuthenticationException => new MailFailure(
                account.UserName is null
                    ? $"The mail server {account} needs a sign-in: give the credential a user name and password."
                    : $"The mail server {account} refused the user name '{account.UserName}' or the password.", false),
            MailCertificateException => new MailFailure(error.Message, false),
            SslHandshakeException => new MailFailure(
                $"Could not open a secure connection to the mail server {account} with security '{account.SecurityName}': check the port and security setting, and that the server's certificate is trusted.", false),
            SmtpCommandException smtp => Smtp(smtp, account),
            FolderNotFoundException folder => new MailFailure($"The mailbox at {account} has no folder '{folder.FolderName}'.", false),
            ImapCommandException imap => new MailFailure($"The mail server {account} refused the request: {imap.ResponseText ?? imap.Message}", false),
            NotSupportedException notSupported => new MailFailure($"The mail server {account} cannot do this: {notSupported.Message}", false),
            ProtocolException or IOException or ServiceNotConnectedException or ServiceNotAuthenticatedException =>
                new MailFailure($"The connection to the mail server {account} failed: {error.Message}", true),
            _ => null,
        };
        // Belt and braces: no message a server echoed may carry the password into the journal.
        return failure is null || account.Password.Length == 0
            ? failure
            : failure with { Message = SecretMasker.Apply(failure.Message, [account.Password]) };
    }

    private static MailFailure Smtp(SmtpCommandException error, MailAccount account)
    {
        var code = (int)error.StatusCode;
        var transient = code is >= 400 and < 500;
        var reply = $"{code} {error.Message}".Trim();
        var message = error.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"The mail server {account} refused the recipient {error.Mailbox?.Address}: {reply}",
            SmtpErrorCode.SenderNotAccepted => $"The mail server {account} refused the sender {error.Mailbox?.Address}: {reply}",
            SmtpErrorCode.MessageNotAccepted => $"The mail server {account} refused the message: {reply}",
            _ => $"The mail server {account} refused the request: {reply}",
        };
        return new MailFailure(message, transient);
    }
}
