namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// The mail server could not be reached or dropped the connection, or answered "try again later" (4xx). Thrown from an
/// activity, so the step's retry policy applies: it is the one mail failure worth retrying.
/// </summary>
public sealed class MailServerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
