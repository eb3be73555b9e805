namespace Automation.Bots.Mail.Accounts;

/// <summary>A mail account that cannot be used as configured (wrong kind of credential, no host...). No retry helps.</summary>
public sealed class MailAccountException(string message) : Exception(message);
