namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// The mail server's TLS certificate was refused: it is not signed by a trusted authority, is for another host name,
/// has expired... The message names the problem and the server. No retry helps until the certificate or the trust
/// settings change.
/// </summary>
public sealed class MailCertificateException(string message, Exception? inner = null) : Exception(message, inner);
