using System.Text.Json.Nodes;
using Automation.Bots.Mail.Accounts;
using Automation.Bots.Mail.Tests.Support;
using Automation.Engine.Model;
using Automation.Testing;
using Automation.Testing.Mail;
using static Automation.Bots.Mail.Tests.Support.InstanceReading;
using MimeKit;

namespace Automation.Bots.Mail.Tests.Activities;

/// <summary>SendEmail through the real submission service and relay, read back from the real mailboxes over IMAP.</summary>
public class SendEmailTests
{
    private MailServer _server = null!;
    private MailEngine _engine = null!;
    private TestMailbox _foi = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _server = await MailServer.StartAsync();
        _engine = new MailEngine();
        _foi = await _server.CreateMailboxAsync("foi", "Foi-Pa55word-7731");
        await _engine.SaveAccountAsync("foi-mail", _server, _foi, _server.SubmissionPort);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _engine.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Delivers_text_html_and_attachments_to_to_cc_and_bcc_with_the_subject_rendered_from_liquid()
    {
        var requester = await _server.CreateMailboxAsync("requester");
        var manager = await _server.CreateMailboxAsync("manager");
        var auditor = await _server.CreateMailboxAsync("auditor");
        var binary = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var pdf = "%PDF-1.4\n% response letter\n%%EOF\n"u8.ToArray();
        var definition = MailEngine.OneStep("send-reply", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-mail",
            ["from"] = $"FOI team <{_foi.Address}>",
            ["to"] = Expr.Js("input.requester"),
            ["cc"] = new JsonArray(manager.Address),
            ["bcc"] = new JsonArray(auditor.Address),
            ["subject"] = Expr.Liquid("Your request {{ input.reference }} ({{ input.name }})"),
            ["textBody"] = Expr.Liquid("Dear {{ input.name }},\nWe have your request {{ input.reference }}."),
            ["htmlBody"] = Expr.Liquid("<p>Dear {{ input.name | escape }},</p><p>Request <b>{{ input.reference }}</b>.</p>"),
            ["attachments"] = new JsonArray(
                new JsonObject { ["name"] = "response.pdf", ["contentType"] = "application/pdf", ["contentBase64"] = Convert.ToBase64String(pdf) },
                new JsonObject { ["name"] = "data.bin", ["contentBase64"] = Convert.ToBase64String(binary) }),
        });

        var instance = await _engine.RunAsync(definition, new JsonObject { ["requester"] = requester.Address, ["reference"] = "FOI-2026-0042", ["name"] = "Ada & Co" });

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished), instance.FaultMessage);
        var received = (await _server.WaitForMessagesAsync(requester, 1)).Single();
        Assert.That(received.Subject, Is.EqualTo("Your request FOI-2026-0042 (Ada & Co)"));
        Assert.That(received.From.Mailboxes.Single().Name, Is.EqualTo("FOI team"));
        Assert.That(received.TextBody!.ReplaceLineEndings("\n"), Is.EqualTo("Dear Ada & Co,\nWe have your request FOI-2026-0042."));
        Assert.That(received.HtmlBody, Is.EqualTo("<p>Dear Ada &amp; Co,</p><p>Request <b>FOI-2026-0042</b>.</p>"));
        var attachments = received.Attachments.OfType<MimePart>().ToList();
        Assert.That(attachments.Select(a => (a.FileName, a.ContentType.MimeType)),
            Is.EqualTo(new[] { ("response.pdf", "application/pdf"), ("data.bin", "application/octet-stream") }));
        Assert.That(Decode(attachments[0]), Is.EqualTo(pdf));
        Assert.That(Decode(attachments[1]), Is.EqualTo(binary));
        Assert.That(received.Cc.Mailboxes.Single().Address, Is.EqualTo(manager.Address));
        Assert.That(received.Headers.Contains(HeaderId.Bcc), Is.False, "bcc recipients stay hidden");
        var output = instance.State.Scopes[ScopeState.RootId].Outputs["step"]!;
        Assert.That(output["messageId"]!.GetValue<string>(), Is.EqualTo(received.MessageId));
        Assert.That(output["recipients"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That((await _server.WaitForMessagesAsync(manager, 1)).Single().MessageId, Is.EqualTo(received.MessageId));
        Assert.That((await _server.WaitForMessagesAsync(auditor, 1)).Single().MessageId, Is.EqualTo(received.MessageId));
    }

    [Test]
    public async Task Without_a_from_the_account_user_name_is_the_sender()
    {
        var requester = await _server.CreateMailboxAsync("requester");
        var definition = MailEngine.OneStep("send-plain", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-mail", ["to"] = requester.Address, ["subject"] = "Acknowledgement", ["textBody"] = "Received.",
        });

        var instance = await _engine.RunAsync(definition);

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished), instance.FaultMessage);
        var received = (await _server.WaitForMessagesAsync(requester, 1)).Single();
        Assert.That(received.From.Mailboxes.Single().Address, Is.EqualTo(_foi.Address));
        Assert.That(received.HtmlBody, Is.Null);
        Assert.That(received.TextBody!.Trim(), Is.EqualTo("Received."));
    }

    [Test]
    public async Task The_password_never_appears_in_the_journal_or_the_logs()
    {
        var requester = await _server.CreateMailboxAsync("requester");
        await _engine.SaveAccountAsync("foi-wrong", _server, _foi, _server.SubmissionPort, password: "Wr0ng-Secret-Pa55-9911");
        var sent = await _engine.RunAsync(MailEngine.OneStep("send-ok", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-mail", ["to"] = requester.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
        }));
        var refused = await _engine.RunAsync(MailEngine.OneStep("send-refused", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-wrong", ["to"] = requester.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
        }));

        Assert.That(sent.Status, Is.EqualTo(WorkflowStatus.Finished), sent.FaultMessage);
        Assert.That(refused.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var everything = await _engine.JournalTextAsync(sent.Id) + await _engine.JournalTextAsync(refused.Id) + _engine.Logs + refused.FaultMessage;
        Assert.That(everything, Does.Contain("foi-mail").And.Contain("foi-wrong"), "the journal names the credential");
        Assert.That(everything, Does.Not.Contain(_foi.Password).And.Not.Contain("Wr0ng-Secret-Pa55-9911"));
        Assert.That(everything, Does.Not.Contain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"\0{_foi.UserName}\0{_foi.Password}"))),
            "nor the AUTH PLAIN exchange");
    }

    [Test]
    public async Task A_wrong_password_fails_at_once_with_a_clear_message()
    {
        var requester = await _server.CreateMailboxAsync("requester");
        await _engine.SaveAccountAsync("foi-wrong", _server, _foi, _server.SubmissionPort, password: "not-the-password");

        var instance = await _engine.RunAsync(MailEngine.OneStep("send-wrong-password", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-wrong", ["to"] = requester.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
        }, retry: new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(IncidentMessage(instance), Is.EqualTo(
            $"The mail server 127.0.0.1:{_server.SubmissionPort} (credential 'foi-wrong') refused the user name '{_foi.UserName}' or the password."));
        Assert.That(instance.State.Incidents.Single().Attempts, Is.EqualTo(1), "a refused password is not retried");
        Assert.That(await _server.ReadMessagesAsync(requester), Is.Empty);
    }

    [TestCase("to", "not-an-address")]
    [TestCase("cc", "ada@")]
    [TestCase("bcc", "Ada Lovelace")]
    [TestCase("from", "foi at council")]
    public async Task A_bad_address_fails_naming_the_input_and_the_value_and_sends_nothing(string field, string bad)
    {
        var requester = await _server.CreateMailboxAsync("requester");
        var inputs = new JsonObject { ["credential"] = "foi-mail", ["to"] = requester.Address, ["subject"] = "Hello", ["textBody"] = "Hello." };
        inputs[field] = field == "from" ? bad : new JsonArray(requester.Address, bad);

        var instance = await _engine.RunAsync(MailEngine.OneStep("send-bad-" + field, "SendEmail", inputs,
            retry: new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(IncidentMessage(instance), Does.StartWith($"Input '{field}': '{bad}' is not an email address"));
        Assert.That(instance.State.Incidents.Single().Attempts, Is.EqualTo(1));
        await Task.Delay(300);
        Assert.That(await _server.ReadMessagesAsync(requester), Is.Empty);
    }

    [Test]
    public async Task Attachment_content_that_is_not_base64_fails_naming_the_attachment()
    {
        var instance = await _engine.RunAsync(MailEngine.OneStep("send-bad-attachment", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-mail", ["to"] = _foi.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
            ["attachments"] = new JsonArray(new JsonObject { ["name"] = "scan.pdf", ["contentBase64"] = "%%% not base64 %%%" }),
        }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(IncidentMessage(instance), Is.EqualTo("Input 'attachments[0].contentBase64': the content of 'scan.pdf' is not valid base64."));
    }

    [Test]
    public async Task A_stored_document_is_attached_by_its_id_and_an_unknown_one_is_named()
    {
        var requester = await _server.CreateMailboxAsync("requester");
        var letter = "%PDF-1.7\n% decision letter\n%%EOF\n"u8.ToArray();
        var stored = await _engine.Documents.SaveAsync("decision.pdf", "application/pdf", letter);

        var sent = await _engine.RunAsync(MailEngine.OneStep("send-document", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-mail", ["to"] = requester.Address, ["subject"] = "Our decision", ["textBody"] = "Attached.",
            ["attachments"] = new JsonArray(new JsonObject { ["documentId"] = stored.Id }),
        }));
        var missing = await _engine.RunAsync(MailEngine.OneStep("send-missing-document", "SendEmail", new JsonObject
        {
            ["credential"] = "foi-mail", ["to"] = requester.Address, ["subject"] = "Our decision", ["textBody"] = "Attached.",
            ["attachments"] = new JsonArray(new JsonObject { ["documentId"] = stored.Id }, new JsonObject { ["documentId"] = "no-such-document" }),
        }));

        Assert.That(sent.Status, Is.EqualTo(WorkflowStatus.Finished), sent.FaultMessage);
        var part = (await _server.WaitForMessagesAsync(requester, 1)).Single().Attachments.OfType<MimePart>().Single();
        Assert.That((part.FileName, part.ContentType.MimeType), Is.EqualTo(("decision.pdf", "application/pdf")));
        Assert.That(Decode(part), Is.EqualTo(letter));
        Assert.That(IncidentMessage(missing), Is.EqualTo("Input 'attachments[1].documentId': there is no document 'no-such-document'."));
    }

    [Test]
    public async Task A_server_that_refuses_connections_is_retried_by_the_retry_policy_then_faults_naming_the_server()
    {
        var closedPort = FreePort();
        await _engine.SaveAccountAsync("nowhere", _server, _foi, closedPort);

        var instance = await _engine.RunAsync(MailEngine.OneStep("send-unreachable", "SendEmail", new JsonObject
        {
            ["credential"] = "nowhere", ["to"] = _foi.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
        }, retry: new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var incident = instance.State.Incidents.Single();
        Assert.That(incident.Attempts, Is.EqualTo(2), "an unreachable server is worth retrying");
        Assert.That(incident.ErrorType, Is.EqualTo(nameof(MailServerUnavailableException)));
        Assert.That(incident.Message, Does.StartWith($"Could not connect to the mail server 127.0.0.1:{closedPort} (credential 'nowhere'): Connection refused"));
    }

    [Test]
    public async Task A_credential_that_is_not_a_mail_account_or_does_not_exist_is_refused_by_name()
    {
        await _engine.Vault.SaveAsync(new Automation.Engine.Credentials.CredentialInput("payroll-api", "apiKey", null, null,
            new Dictionary<string, string?> { ["apiKey"] = "k" }), "test");

        var wrongKind = await _engine.RunAsync(MailEngine.OneStep("send-wrong-kind", "SendEmail", new JsonObject
        {
            ["credential"] = "payroll-api", ["to"] = _foi.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
        }));
        var missing = await _engine.RunAsync(MailEngine.OneStep("send-missing", "SendEmail", new JsonObject
        {
            ["credential"] = "no-such-account", ["to"] = _foi.Address, ["subject"] = "Hello", ["textBody"] = "Hello.",
        }));

        Assert.That(IncidentMessage(wrongKind), Is.EqualTo("Credential 'payroll-api' is of kind apiKey; mail needs a mail server account (mailServer)."));
        Assert.That(IncidentMessage(missing), Does.StartWith("There is no credential called 'no-such-account'."));
    }

    private static byte[] Decode(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content!.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
