using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Testing.Mail;
using MimeKit;

namespace Automation.Server.Tests.Mail;

/// <summary>
/// The EmailReceived trigger in a real server against a real Dovecot: mail sent by SMTP through the relay starts
/// workflows; unusable mail is quarantined; filters leave other mail alone.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class EmailTriggerTests
{
    private MailServer _mail = null!;
    private ServerHarness _server = null!;
    private HttpClient _api = null!;
    private TestMailbox _foi = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _mail = await MailServer.StartAsync();
        _foi = await _mail.CreateMailboxAsync("foi");
        _server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Triggers:RefreshInterval"] = "00:00:00.500" });
        _api = _server.Client();
        var saved = await _api.PutAsJsonAsync("/api/credentials/foi-inbox", new
        {
            kind = "mailServer",
            fields = new { host = _mail.Host, port = _mail.ImapPort, security = "none", username = _foi.UserName },
            secrets = new { password = _foi.Password },
        });
        Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
    }

    [TearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
        await _mail.DisposeAsync();
    }

    [Test]
    public async Task An_email_with_a_pdf_sent_by_smtp_starts_one_instance_with_the_attachment_as_a_document()
    {
        var id = await PublishAsync(new JsonObject { ["credential"] = "foi-inbox", ["pollInterval"] = "00:00:05" });
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();

        await _mail.SendAsync(Message("ada@example.test", "FOI request: bin collections", "Please send the schedule.", ("request.pdf", "application/pdf", pdf)));

        var processed = await _mail.WaitForMessagesAsync(_foi, 1, "Processed", TimeSpan.FromSeconds(30));
        Assert.That(processed.Single().Subject, Is.EqualTo("FOI request: bin collections"));
        Assert.That(await _mail.ReadMessagesAsync(_foi), Is.Empty, "the email left the inbox");
        var instance = (await InstancesAsync(id)).Single()!;
        var detail = await _api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instance["id"]}");
        Assert.That(detail!["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        var input = detail["input"]!;
        Assert.That(input["subject"]!.GetValue<string>(), Is.EqualTo("FOI request: bin collections"));
        Assert.That(input["from"]!["address"]!.GetValue<string>(), Is.EqualTo("ada@example.test"));
        Assert.That(input["text"]!.GetValue<string>().Trim(), Is.EqualTo("Please send the schedule."));
        var attachment = input["attachments"]!.AsArray().Single()!;
        Assert.That(attachment["name"]!.GetValue<string>(), Is.EqualTo("request.pdf"));
        Assert.That(attachment["contentType"]!.GetValue<string>(), Is.EqualTo("application/pdf"));
        Assert.That(attachment["size"]!.GetValue<long>(), Is.EqualTo(pdf.Length));
        var content = await _api.GetByteArrayAsync($"/api/documents/{attachment["documentId"]}/content");
        Assert.That(content, Is.EqualTo(pdf));
        Assert.That(detail["output"]!["subject"]!.GetValue<string>(), Is.EqualTo("FOI request: bin collections"), "later steps read the email");
        var events = await _api.GetFromJsonAsync<JsonArray>($"/api/triggers/{id}:mail/events");
        Assert.That(events!.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "fired" }));
    }

    [Test]
    public async Task A_workflow_replies_to_the_sender_with_the_received_attachment()
    {
        var requester = await _mail.CreateMailboxAsync("requester");
        var saved = await _api.PutAsJsonAsync("/api/credentials/foi-smtp", new
        {
            kind = "mailServer",
            fields = new { host = _mail.Host, port = _mail.SubmissionPort, security = "none", username = _foi.UserName },
            secrets = new { password = _foi.Password },
        });
        Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
        var id = Flows.NewId("mail-reply");
        var definition = Flows.Flow(id,
            [
                Flows.Node("mail", "EmailReceived", new JsonObject { ["credential"] = "foi-inbox" }),
                Flows.Node("reply", "SendEmail", new JsonObject
                {
                    ["credential"] = "foi-smtp",
                    ["to"] = Flows.Js("input.from.address"),
                    ["subject"] = new JsonObject { ["$liquid"] = "Re: {{ input.subject }}" },
                    ["textBody"] = new JsonObject { ["$liquid"] = "We received {{ input.attachments.size }} file(s)." },
                    ["attachments"] = Flows.Js("input.attachments"),
                }),
            ],
            [Flows.Edge("mail", "reply")]);
        Assert.That((int)(await _api.PostAsJsonAsync("/api/workflow-definitions", definition)).StatusCode, Is.EqualTo(201));
        var published = await _api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" });
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        var scan = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 253)).ToArray();

        await _mail.SendAsync(EmailTriggerMessages.Create(requester.Address, _foi.Address, "FOI request 2", "see scan", ("scan.png", "image/png", scan)));

        var reply = (await _mail.WaitForMessagesAsync(requester, 1, timeout: TimeSpan.FromSeconds(30))).Single();
        Assert.That(reply.Subject, Is.EqualTo("Re: FOI request 2"));
        Assert.That(reply.TextBody!.Trim(), Is.EqualTo("We received 1 file(s)."));
        var part = reply.Attachments.OfType<MimePart>().Single();
        Assert.That((part.FileName, part.ContentType.MimeType), Is.EqualTo(("scan.png", "image/png")));
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        Assert.That(bytes.ToArray(), Is.EqualTo(scan));
    }

    [Test]
    public async Task Each_email_starts_its_own_instance_and_one_seen_again_starts_none()
    {
        var id = await PublishAsync(new JsonObject { ["credential"] = "foi-inbox" });
        var first = Message("a@example.test", "First", "one");
        await _mail.SendAsync(first);
        await _mail.SendAsync(Message("b@example.test", "Second", "two"));
        await _mail.WaitForMessagesAsync(_foi, 2, "Processed", TimeSpan.FromSeconds(30));

        // The same message (same Message-Id) delivered again, as a sender's retry would.
        await _mail.AppendAsync(_foi, first);
        await _mail.WaitForMessagesAsync(_foi, 3, "Processed", TimeSpan.FromSeconds(30));

        var subjects = (await InstancesAsync(id)).Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.That(subjects, Has.Count.EqualTo(2));
        var events = await _api.GetFromJsonAsync<JsonArray>($"/api/triggers/{id}:mail/events");
        Assert.That(events!.Select(e => e!["kind"]!.GetValue<string>()), Is.EquivalentTo(new[] { "fired", "fired", "duplicate" }));
    }

    [Test]
    public async Task An_email_without_a_sender_is_quarantined_with_its_reason_and_a_copy_and_can_be_handed_back()
    {
        var id = await PublishAsync(new JsonObject { ["credential"] = "foi-inbox" });
        var raw = "Subject: no sender here\r\nX-Mailer: broken-scanner\r\n\r\n\u00ff\u00fe garbage body\r\n"u8.ToArray();

        await _mail.DeliverRawAsync(_foi, raw);

        await _mail.WaitForMessagesAsync(_foi, 1, "Quarantine", TimeSpan.FromSeconds(30));
        var items = await _api.GetFromJsonAsync<JsonArray>("/api/quarantine?status=quarantined");
        var item = items!.Single()!;
        Assert.That(item["triggerId"]!.GetValue<string>(), Is.EqualTo($"{id}:mail"));
        Assert.That(item["source"]!.GetValue<string>(), Is.EqualTo("email"));
        Assert.That(item["reason"]!.GetValue<string>(), Is.EqualTo("The email has no valid sender (From) address."));
        Assert.That(item["summary"]!.GetValue<string>(), Is.EqualTo("email from no sender: no sender here"));
        var copy = await _api.GetByteArrayAsync($"/api/documents/{item["documentId"]}/content");
        Assert.That(System.Text.Encoding.Latin1.GetString(copy), Does.Contain("X-Mailer: broken-scanner"));
        Assert.That(await InstancesAsync(id), Is.Empty, "nothing started");
        Assert.That(await _mail.ReadMessagesAsync(_foi), Is.Empty, "the email left the inbox");

        var reprocess = await _api.PostAsync($"/api/quarantine/{item["id"]}/reprocess", null);
        Assert.That(reprocess.IsSuccessStatusCode, Is.True, await reprocess.Content.ReadAsStringAsync());

        // Handed back, the trigger takes it again; still without a sender, it is quarantined again as a new item.
        var again = await WaitForAsync(async () => await _api.GetFromJsonAsync<JsonArray>("/api/quarantine?status=quarantined") is { Count: 1 } list
            && list[0]!["id"]!.GetValue<string>() != item["id"]!.GetValue<string>() ? list : null);
        Assert.That(again[0]!["reason"]!.GetValue<string>(), Is.EqualTo("The email has no valid sender (From) address."));
        Assert.That((await _api.GetFromJsonAsync<JsonObject>($"/api/quarantine/{item["id"]}"))!["status"]!.GetValue<string>(), Is.EqualTo("reprocessed"));
        await _mail.WaitForMessagesAsync(_foi, 1, "Quarantine", TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task An_email_the_workflow_inputs_refuse_is_quarantined_naming_the_input()
    {
        var id = Flows.NewId("mail-inputs");
        var definition = Flows.Flow(id,
            [Flows.Node("mail", "EmailReceived", new JsonObject { ["credential"] = "foi-inbox" }), Flows.Node("end", "End")],
            [Flows.Edge("mail", "end")],
            inputs: [new JsonObject { ["name"] = "caseNumber", ["type"] = "string", ["required"] = true }]);
        Assert.That((int)(await _api.PostAsJsonAsync("/api/workflow-definitions", definition)).StatusCode, Is.EqualTo(201));
        Assert.That((int)(await _api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" })).StatusCode, Is.EqualTo(200));

        await _mail.SendAsync(Message("ada@example.test", "Where is my case?", "no case number"));

        await _mail.WaitForMessagesAsync(_foi, 1, "Quarantine", TimeSpan.FromSeconds(30));
        var item = (await _api.GetFromJsonAsync<JsonArray>("/api/quarantine?status=quarantined"))!.Single()!;
        Assert.That(item["reason"]!.GetValue<string>(), Does.StartWith("The workflow does not accept this email as its input:").And.Contain("caseNumber"));
        Assert.That(item["summary"]!.GetValue<string>(), Is.EqualTo("email from ada@example.test: Where is my case?"));
        Assert.That(await InstancesAsync(id), Is.Empty);
    }

    [Test]
    public async Task A_paused_trigger_leaves_mail_waiting_and_takes_it_when_resumed()
    {
        var id = await PublishAsync(new JsonObject { ["credential"] = "foi-inbox" });
        var paused = await _api.PostAsync($"/api/triggers/{id}:mail/pause", null);
        Assert.That(paused.IsSuccessStatusCode, Is.True, await paused.Content.ReadAsStringAsync());
        await Task.Delay(1500); // the host sees the pause on this node at once; give it a moment to let go of the mailbox

        await _mail.SendAsync(Message("ada@example.test", "While paused", "waiting"));
        await _mail.WaitForMessagesAsync(_foi, 1);
        await Task.Delay(2000);
        Assert.That(await _mail.ReadMessagesAsync(_foi, "Processed"), Is.Empty, "nothing taken while paused");
        Assert.That(await InstancesAsync(id), Is.Empty);

        var resumed = await _api.PostAsync($"/api/triggers/{id}:mail/resume", null);
        Assert.That(resumed.IsSuccessStatusCode, Is.True);
        await _mail.WaitForMessagesAsync(_foi, 1, "Processed", TimeSpan.FromSeconds(30));
        Assert.That(await InstancesAsync(id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Filters_leave_other_emails_in_the_folder_untouched()
    {
        var id = await PublishAsync(new JsonObject
        {
            ["credential"] = "foi-inbox", ["from"] = "@supplier.test", ["subjectContains"] = "invoice", ["hasAttachment"] = true,
        });
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        await _mail.SendAsync(Message("ap@supplier.test", "Invoice 77", "attached", ("inv-77.pdf", "application/pdf", pdf)));
        await _mail.SendAsync(Message("ap@supplier.test", "Invoice 78", "forgot the attachment"));
        await _mail.SendAsync(Message("someone@other.test", "Invoice 79", "wrong sender", ("inv-79.pdf", "application/pdf", pdf)));
        await _mail.SendAsync(Message("ap@supplier.test", "Statement", "not an invoice", ("st.pdf", "application/pdf", pdf)));

        var processed = await _mail.WaitForMessagesAsync(_foi, 1, "Processed", TimeSpan.FromSeconds(30));
        var inbox = await _mail.WaitForMessagesAsync(_foi, 3);
        await Task.Delay(1000);

        Assert.That(processed.Select(m => m.Subject), Is.EqualTo(new[] { "Invoice 77" }));
        Assert.That(inbox.Select(m => m.Subject), Is.EquivalentTo(new[] { "Invoice 78", "Invoice 79", "Statement" }));
        Assert.That(await InstancesAsync(id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_mailbox_that_cannot_be_reached_is_reported_as_a_trigger_error()
    {
        var saved = await _api.PutAsJsonAsync("/api/credentials/nowhere", new
        {
            kind = "mailServer",
            fields = new { host = "127.0.0.1", port = Durability.ServerProcess.FreePort(), security = "none", username = "x@example.test" },
            secrets = new { password = "Unreachable-Pa55-0042" },
        });
        Assert.That(saved.IsSuccessStatusCode, Is.True);
        var id = await PublishAsync(new JsonObject { ["credential"] = "nowhere" });

        var events = await WaitForAsync(async () => await _api.GetFromJsonAsync<JsonArray>($"/api/triggers/{id}:mail/events") is { Count: > 0 } list ? list : null);

        Assert.That(events[0]!["kind"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(events[0]!["message"]!.GetValue<string>(), Does.StartWith("Could not connect to the mail server 127.0.0.1:").And.Contain("(credential 'nowhere')"));
        Assert.That(events.ToJsonString(), Does.Not.Contain("Unreachable-Pa55-0042"));
    }

    private async Task<string> PublishAsync(JsonObject settings)
    {
        var id = Flows.NewId("mail");
        var definition = Flows.Flow(id,
            [Flows.Node("mail", "EmailReceived", settings), Flows.Node("note", "SetVariable", new JsonObject { ["variable"] = "subject", ["value"] = Flows.Js("input.subject") })],
            [Flows.Edge("mail", "note")], outputs: ["subject"]);
        var created = await _api.PostAsJsonAsync("/api/workflow-definitions", definition);
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var published = await _api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" });
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<JsonArray> InstancesAsync(string definitionId) =>
        (await _api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}"))!["items"]!.AsArray();

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The expected state was not reached within 30 s.");
            await Task.Delay(100);
        }
    }

    private MimeMessage Message(string from, string subject, string text, params (string Name, string Type, byte[] Bytes)[] attachments) =>
        EmailTriggerMessages.Create(from, _foi.Address, subject, text, attachments);
}
