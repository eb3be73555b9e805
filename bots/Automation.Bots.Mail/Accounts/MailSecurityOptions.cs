namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// How the mail module checks mail servers' TLS certificates, bound from <c>Automation:Mail</c>. Serves sending
/// (SendEmail, C# bots through <see cref="Messages.MailSender"/>) and reading (ReadMailbox, the EmailReceived trigger)
/// alike.
/// </summary>
public sealed class MailSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Automation:Mail";

    /// <summary>
    /// PEM files holding the certificates of certificate authorities to trust for mail servers, in addition to the
    /// machine's trusted store: a council's own CA that signed its Exchange or relay certificates. A file may hold
    /// several certificates. Empty: only the machine's store is trusted.
    /// </summary>
    public List<string> TrustedCertificateAuthorities { get; set; } = [];
}
