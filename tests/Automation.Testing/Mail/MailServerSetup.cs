namespace Automation.Testing.Mail;

/// <summary>How a test <see cref="MailServer"/> is set up beyond the defaults (plain text, IMAP IDLE offered).</summary>
/// <param name="Certificate">
/// PEM files of a server certificate and its key (see <see cref="TestCertificateAuthority.IssueServerCertificate"/>):
/// Dovecot then offers STARTTLS on IMAP and submission and implicit TLS on <see cref="MailServer.ImapsPort"/>. Null: no TLS.
/// </param>
/// <param name="Idle">False makes Dovecot leave IDLE out of its IMAP capabilities, as servers without IMAP IDLE do.</param>
/// <param name="RecordImapCommands">
/// True makes Dovecot write every IMAP session's commands to a file (its rawlog), which <see cref="MailServer.ReadImapCommands"/>
/// returns: a test can then check which commands a client used (IDLE or not).
/// </param>
public sealed record MailServerSetup((string CertificatePath, string KeyPath)? Certificate = null, bool Idle = true, bool RecordImapCommands = false);
