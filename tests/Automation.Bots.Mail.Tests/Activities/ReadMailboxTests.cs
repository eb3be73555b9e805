using System.Text.Json.Nodes;
using Automation.Bots.Mail.Tests.Support;
using Automation.Engine.Model;
using Automation.Testing.Mail;
using static Automation.Bots.Mail.Tests.Support.InstanceReading;
using MailKit;
using MimeKit;

namespace Automation.Bots.Mail.Tests.Activities;

/// <summary>ReadMailbox against a real Dovecot mailbox filled over IMAP and SMTP.</summary>
public class ReadMailboxTests
{
    private MailServer _server = null!;
    private MailEngine _engine = null!;
    private TestMailbox _invoices = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _server = await MailServer.StartAsync();
        _engine = new MailEngine();
        _invoices = await _server.CreateMailboxAsync("invoices");
        await _engine.SaveAccountAsync("invoices-imap", _server, _invoices, _server.ImapPort);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _engine.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Finds_messages_by_sender_and_subject_and_returns_them_as_data_oldest_first()
    {
        var pdf = "%PDF-1.4\n% invoice\n%%EOF\n"u8.ToArray();
        await _server.SendAsync(Message("accounts@acme.test", "Invoice INV-1001", "Please pay.", ("INV-1001.pdf", "application/pdf", pdf)));
        await _server.SendAsync(Message("newsletter@other.test", "Invoice tips", "Not an invoice."));
        await _server.SendAsync(Message("accounts@acme.test", "Statement", "Your statement."));
        await _server.SendAsync(Message("Acme Accounts <accounts@acme.test>", "Invoice INV-1002", "Second one."));
        await _server.WaitForMessagesAsync(_invoices, 4);

        var instance = await _engine.RunAsync(MailEngine.OneStep("read-invoices", "ReadMailbox", new JsonObject
        {
            ["credential"] = "invoices-imap", ["from"] = "@acme.test", ["subjectContains"] = "invoice",
        }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished), instance.FaultMessage);
        var output = Output(instance);
        var messages = output["messages"]!.AsArray();
        Assert.That(messages.Select(m => m!["subject"]!.GetValue<string>()), Is.EqualTo(new[] { "Invoice INV-1001", "Invoice INV-1002" }));
        Assert.That(output["count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(output["more"]!.GetValue<bool>(), Is.False);
        var first = messages[0]!;
        Assert.That(first["from"]!["address"]!.GetValue<string>(), Is.EqualTo("accounts@acme.test"));
        Assert.That(first["to"]![0]!["address"]!.GetValue<string>(), Is.EqualTo(_invoices.Address));
        Assert.That(first["text"]!.GetValue<string>().Trim(), Is.EqualTo("Please pay."));
        Assert.That(first["uid"]!.GetValue<uint>(), Is.LessThan(messages[1]!["uid"]!.GetValue<uint>()));
        Assert.That(first["messageId"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(DateTimeOffset.Parse(first["date"]!.GetValue<string>()), Is.EqualTo(DateTimeOffset.Now).Within(TimeSpan.FromMinutes(5)));
        var attachment = first["attachments"]!.AsArray().Single()!;
        Assert.That(attachment["name"]!.GetValue<string>(), Is.EqualTo("INV-1001.pdf"));
        Assert.That(attachment["contentType"]!.GetValue<string>(), Is.EqualTo("application/pdf"));
        Assert.That(attachment["size"]!.GetValue<int>(), Is.EqualTo(pdf.Length));
        Assert.That(attachment["contentBase64"], Is.Null, "content only when asked for");
        Assert.That(messages[1]!["from"]!["name"]!.GetValue<string>(), Is.EqualTo("Acme Accounts"));
    }

    [Test]
    public async Task Unread_only_with_mark_as_read_returns_each_message_once()
    {
        await _server.AppendAsync(_invoices, Message("a@acme.test", "Already read", "x"), flags: MessageFlags.Seen);
        await _server.AppendAsync(_invoices, Message("a@acme.test", "New one", "x"));
        await _server.AppendAsync(_invoices, Message("a@acme.test", "New two", "x"));
        var definition = MailEngine.OneStep("read-unread", "ReadMailbox", new JsonObject
        {
            ["credential"] = "invoices-imap", ["unreadOnly"] = true, ["markAsRead"] = true,
        });

        var first = await _engine.RunAsync(definition);
        var second = await _engine.Runtime.StartAsync(new Engine.Runtime.StartRequest { DefinitionId = definition.Id, Wait = true });

        Assert.That(Subjects(first), Is.EqualTo(new[] { "New one", "New two" }));
        Assert.That(Subjects(second), Is.Empty);
        Assert.That(await _server.ReadFlagsAsync(_invoices), Has.All.Matches<MessageFlags>(f => f.HasFlag(MessageFlags.Seen)));
    }

    [Test]
    public async Task Reading_without_mark_as_read_leaves_messages_unread()
    {
        await _server.AppendAsync(_invoices, Message("a@acme.test", "Still unread", "x"));

        var instance = await _engine.RunAsync(MailEngine.OneStep("read-peek", "ReadMailbox", new JsonObject { ["credential"] = "invoices-imap" }));

        Assert.That(Subjects(instance), Is.EqualTo(new[] { "Still unread" }));
        Assert.That((await _server.ReadFlagsAsync(_invoices)).Single().HasFlag(MessageFlags.Seen), Is.False);
    }

    [Test]
    public async Task Max_messages_returns_the_oldest_and_says_more_are_waiting()
    {
        for (var i = 1; i <= 5; i++) await _server.AppendAsync(_invoices, Message("a@acme.test", $"Message {i}", "x"));

        var instance = await _engine.RunAsync(MailEngine.OneStep("read-two", "ReadMailbox", new JsonObject
        {
            ["credential"] = "invoices-imap", ["maxMessages"] = 2,
        }));

        Assert.That(Subjects(instance), Is.EqualTo(new[] { "Message 1", "Message 2" }));
        Assert.That(Output(instance)["more"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Since_skips_messages_that_arrived_earlier_to_the_second()
    {
        var cutoff = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
        await _server.AppendAsync(_invoices, Message("a@acme.test", "Last week", "x"), arrived: cutoff.AddDays(-7));
        await _server.AppendAsync(_invoices, Message("a@acme.test", "Same day, earlier", "x"), arrived: cutoff.AddMinutes(-1));
        await _server.AppendAsync(_invoices, Message("a@acme.test", "Same day, later", "x"), arrived: cutoff.AddMinutes(1));
        await _server.AppendAsync(_invoices, Message("a@acme.test", "Next day", "x"), arrived: cutoff.AddDays(1));

        var instance = await _engine.RunAsync(MailEngine.OneStep("read-since", "ReadMailbox", new JsonObject
        {
            ["credential"] = "invoices-imap", ["since"] = cutoff.ToString("O"),
        }));

        Assert.That(Subjects(instance), Is.EqualTo(new[] { "Same day, later", "Next day" }));
    }

    [Test]
    public async Task Attachments_read_with_their_content_can_be_sent_on_unchanged()
    {
        var scan = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        await _server.AppendAsync(_invoices, Message("accounts@acme.test", "Invoice INV-7", "Attached.", ("scan.tiff", "image/tiff", scan)));
        var finance = await _server.CreateMailboxAsync("finance");
        await _engine.SaveAccountAsync("invoices-smtp", _server, _invoices, _server.SubmissionPort);
        var definition = new WorkflowDefinition
        {
            Id = "forward-invoice",
            Name = "Forward invoice",
            Activities =
            [
                new ActivityNode { Id = "start", Type = "Start" },
                Step("read", "ReadMailbox", new JsonObject { ["credential"] = "invoices-imap", ["includeAttachmentContent"] = true }),
                Step("forward", "SendEmail", new JsonObject
                {
                    ["credential"] = "invoices-smtp",
                    ["to"] = finance.Address,
                    ["subject"] = Expr.Liquid("Fwd: {{ activities.read.output.messages[0].subject }}"),
                    ["textBody"] = "Forwarded.",
                    ["attachments"] = Expr.Js("activities.read.output.messages[0].attachments"),
                }),
            ],
            Connections =
            [
                new Connection { Source = "start", Outcome = Outcomes.Done, Target = "read" },
                new Connection { Source = "read", Outcome = Outcomes.Done, Target = "forward" },
            ],
        };

        var instance = await _engine.RunAsync(definition);

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished), instance.FaultMessage);
        var forwarded = (await _server.WaitForMessagesAsync(finance, 1)).Single();
        Assert.That(forwarded.Subject, Is.EqualTo("Fwd: Invoice INV-7"));
        var part = forwarded.Attachments.OfType<MimePart>().Single();
        Assert.That((part.FileName, part.ContentType.MimeType), Is.EqualTo(("scan.tiff", "image/tiff")));
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        Assert.That(bytes.ToArray(), Is.EqualTo(scan));
    }

    [Test]
    public async Task A_folder_that_does_not_exist_fails_naming_it()
    {
        var instance = await _engine.RunAsync(MailEngine.OneStep("read-missing-folder", "ReadMailbox", new JsonObject
        {
            ["credential"] = "invoices-imap", ["folder"] = "Invoices/2019",
        }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(IncidentMessage(instance), Is.EqualTo($"The mailbox at 127.0.0.1:{_server.ImapPort} (credential 'invoices-imap') has no folder 'Invoices/2019'."));
    }

    [Test]
    public async Task A_wrong_password_fails_with_a_clear_message_that_does_not_hold_it()
    {
        await _engine.SaveAccountAsync("invoices-wrong", _server, _invoices, _server.ImapPort, password: "Imap-Wrong-Secret-4410");

        var instance = await _engine.RunAsync(MailEngine.OneStep("read-wrong-password", "ReadMailbox", new JsonObject { ["credential"] = "invoices-wrong" }));

        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(IncidentMessage(instance), Does.Contain($"refused the user name '{_invoices.UserName}' or the password"));
        Assert.That(await _engine.JournalTextAsync(instance.Id) + _engine.Logs, Does.Not.Contain("Imap-Wrong-Secret-4410").And.Not.Contain(_invoices.Password));
    }

    private static ActivityNode Step(string id, string type, JsonObject inputs)
    {
        var node = new ActivityNode { Id = id, Type = type };
        foreach (var (name, value) in inputs) node.Inputs[name] = value?.DeepClone();
        return node;
    }

    private static JsonObject Output(WorkflowInstance instance) => instance.State.Scopes[ScopeState.RootId].Outputs["step"]!.AsObject();

    private static IEnumerable<string> Subjects(WorkflowInstance instance)
    {
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished), instance.FaultMessage);
        return Output(instance)["messages"]!.AsArray().Select(m => m!["subject"]!.GetValue<string>());
    }

    private MimeMessage Message(string from, string subject, string text, params (string Name, string Type, byte[] Bytes)[] attachments)
    {
        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, type, bytes) in attachments) body.Attachments.Add(name, bytes, ContentType.Parse(type));
        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(_invoices.Address));
        return message;
    }
}
