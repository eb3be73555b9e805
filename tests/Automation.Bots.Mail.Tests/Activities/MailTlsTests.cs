using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Bots.Mail.Accounts;
using Automation.Bots.Mail.Tests.Support;
using Automation.Engine.Model;
using Automation.Testing;
using Automation.Testing.Mail;
using static Automation.Bots.Mail.Tests.Support.InstanceReading;

namespace Automation.Bots.Mail.Tests.Activities;

/// <summary>
/// SendEmail and ReadMailbox over TLS against a real Dovecot whose certificate is signed by a council's own certificate
/// authority, made at test time: trusted when that authority is configured, refused with the reason when it is not,
/// and refused whoever signed it when the certificate is for another host name.
/// </summary>
[TestFixture]
[NonParallelizable]
public class MailTlsTests
{
    private TempDirectory _files = null!;
    private TestCertificateAuthority _authority = null!;
    private string _authorityFile = null!;
    private MailServer _server = null!;
    private TestMailbox _foi = null!;

    private static readonly RetryPolicy Retry = new() { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _files = new TempDirectory();
        _authority = TestCertificateAuthority.Create("Test Council Root CA");
        _authorityFile = _authority.WriteCertificate(Path.Combine(_files.Path, "council-ca.pem"));
        _server = await MailServer.StartAsync(new MailServerSetup(_authority.IssueServerCertificate(_files.Path, "127.0.0.1", "localhost")));
        _foi = await _server.CreateMailboxAsync("foi");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        _authority.Dispose();
        _files.Dispose();
    }

    [Test]
    public async Task With_the_council_CA_trusted_a_mail_is_sent_with_starttls_and_read_over_implicit_tls()
    {
        await using var engine = new MailEngine(_authorityFile);
        await engine.SaveAccountAsync("foi-smtp", _server, _foi, _server.SubmissionPort, security: "startTls");
        await engine.SaveAccountAsync("foi-imaps", _server, _foi, _server.ImapsPort, security: "sslOnConnect");
        var subject = "Over TLS " + Guid.NewGuid().ToString("N")[..8];

        var sent = await engine.RunAsync(MailEngine.OneStep("send-tls", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-smtp", ["to"] = new JsonArray(_foi.Address), ["subject"] = subject, ["textBody"] = "Sent through STARTTLS.",
        }));
        Assert.That(sent.Status, Is.EqualTo(WorkflowStatus.Finished), sent.FaultMessage);
        await _server.WaitForMessagesAsync(_foi, 1, timeout: TimeSpan.FromSeconds(30));

        var read = await engine.RunAsync(MailEngine.OneStep("read-tls", "ReadMailbox", new JsonObject
        {
            ["credential"] = "foi-imaps", ["subjectContains"] = subject,
        }));
        Assert.That(read.Status, Is.EqualTo(WorkflowStatus.Finished), read.FaultMessage);
        var message = read.State.Scopes[ScopeState.RootId].Outputs["step"]!["messages"]!.AsArray().Single()!;
        Assert.That(message["subject"]!.GetValue<string>(), Is.EqualTo(subject));
        Assert.That(message["text"]!.GetValue<string>().Trim(), Is.EqualTo("Sent through STARTTLS."));
        // Dovecot marks each sign-in made over TLS: both the submission (STARTTLS) and the IMAP one (implicit TLS) were.
        var log = _server.ReadLog();
        var user = Regex.Escape(_foi.Address);
        Assert.That(log, Does.Match($"submission-login: Info: Login: user=<{user}>.*, TLS,"), log);
        Assert.That(log, Does.Match($"imap-login: Info: Login: user=<{user}>.*, TLS,"), log);
    }

    [Test]
    public async Task Without_the_CA_sending_and_reading_fail_naming_the_untrusted_certificate()
    {
        await using var engine = new MailEngine();
        await engine.SaveAccountAsync("foi-smtp", _server, _foi, _server.SubmissionPort, security: "startTls");
        await engine.SaveAccountAsync("foi-imaps", _server, _foi, _server.ImapsPort, security: "sslOnConnect");

        var sent = await engine.RunAsync(MailEngine.OneStep("send-untrusted", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-smtp", ["to"] = new JsonArray(_foi.Address), ["subject"] = "Never sent", ["textBody"] = "x",
        }, Retry));
        var read = await engine.RunAsync(MailEngine.OneStep("read-untrusted", "ReadMailbox", new JsonObject { ["credential"] = "foi-imaps" }, Retry));

        foreach (var (instance, port) in new[] { (sent, _server.SubmissionPort), (read, _server.ImapsPort) })
        {
            var error = IncidentMessage(instance);
            TestContext.Out.WriteLine(error);
            Assert.That(error, Does.Contain($"The mail server 127.0.0.1:{port} (credential"), error);
            Assert.That(error, Does.Contain("is not trusted"), error);
            Assert.That(error, Does.Contain("issued by 'CN=Test Council Root CA, O=Test Council'"), error);
            Assert.That(error, Does.Contain("Automation:Mail:TrustedCertificateAuthorities"), error);
            Assert.That(instance.State.Incidents.Single().Attempts, Is.EqualTo(1), "a refused certificate is not worth retrying");
        }
        Assert.That(await _server.ReadMessagesAsync(_foi), Has.None.Matches<MimeKit.MimeMessage>(m => m.Subject == "Never sent"));
    }

    [Test]
    public async Task A_certificate_from_another_authority_is_refused_when_only_the_council_CA_is_trusted()
    {
        using var stranger = TestCertificateAuthority.Create("Unknown Issuing CA");
        await using var other = await MailServer.StartAsync(new MailServerSetup(stranger.IssueServerCertificate(Path.Combine(_files.Path, "stranger"), "127.0.0.1")));
        var mailbox = await other.CreateMailboxAsync("foi");
        await using var engine = new MailEngine(_authorityFile);
        await engine.SaveAccountAsync("stranger-imaps", other, mailbox, other.ImapsPort, security: "sslOnConnect");

        var read = await engine.RunAsync(MailEngine.OneStep("read-stranger", "ReadMailbox", new JsonObject { ["credential"] = "stranger-imaps" }));

        var error = IncidentMessage(read);
        TestContext.Out.WriteLine(error);
        Assert.That(error, Does.Contain("is not trusted").And.Contain("issued by 'CN=Unknown Issuing CA, O=Test Council'"), error);
        Assert.That(error, Does.Contain("does not chain to the machine's trusted authorities or to those in Automation:Mail:TrustedCertificateAuthorities"), error);
    }

    [Test]
    public async Task A_certificate_for_another_host_name_is_refused_even_with_the_CA_trusted()
    {
        await using var other = await MailServer.StartAsync(new MailServerSetup(_authority.IssueServerCertificate(Path.Combine(_files.Path, "other"), "mail.other.test")));
        var mailbox = await other.CreateMailboxAsync("foi");
        await using var engine = new MailEngine(_authorityFile);
        await engine.SaveAccountAsync("other-smtp", other, mailbox, other.SubmissionPort, security: "startTls");
        await engine.SaveAccountAsync("other-imaps", other, mailbox, other.ImapsPort, security: "sslOnConnect");

        var sent = await engine.RunAsync(MailEngine.OneStep("send-other-name", "SendEmail", new JsonObject
        {
            ["credential"] = "other-smtp", ["to"] = new JsonArray(mailbox.Address), ["subject"] = "Wrong name", ["textBody"] = "x",
        }));
        var read = await engine.RunAsync(MailEngine.OneStep("read-other-name", "ReadMailbox", new JsonObject { ["credential"] = "other-imaps" }));

        foreach (var instance in new[] { sent, read })
        {
            var error = IncidentMessage(instance);
            TestContext.Out.WriteLine(error);
            Assert.That(error, Does.Contain("its certificate is for 'mail.other.test', not for '127.0.0.1' (the credential's host)"), error);
        }
    }

    [Test]
    public void A_missing_or_empty_CA_file_is_named_when_the_trust_is_made()
    {
        var missing = Path.Combine(_files.Path, "no-such-ca.pem");
        var error = Assert.Throws<InvalidOperationException>(() => MailServerTrust.Create(new MailSecurityOptions { TrustedCertificateAuthorities = [missing] }));
        Assert.That(error!.Message, Does.Contain("Automation:Mail:TrustedCertificateAuthorities").And.Contain(missing));

        var notPem = Path.Combine(_files.Path, "notes.txt");
        File.WriteAllText(notPem, "not a certificate");
        error = Assert.Throws<InvalidOperationException>(() => MailServerTrust.Create(new MailSecurityOptions { TrustedCertificateAuthorities = [notPem] }));
        Assert.That(error!.Message, Does.Contain(notPem).And.Contain("holds no certificate"));

        Assert.That(MailServerTrust.Create(new MailSecurityOptions { TrustedCertificateAuthorities = [_authorityFile] }).AuthorityCount, Is.EqualTo(1));
    }
}
