using System.Text.RegularExpressions;
using Automation.Bots.Mail.Accounts;
using Automation.Bots.Mail.Messages;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Automation.Bots.Mail.Activities;

/// <summary>Sends an email through SMTP, signing in with a stored mail server account.</summary>
/// <remarks>
/// The message id is made from the instance, activity and work item, so a step that runs again after a crash sends
/// a message with the same id and the receiving side can tell it is the same message.
/// </remarks>
[Activity("SendEmail", Category = "Mail", DisplayName = "Send email",
    Description = "Sends an email (text, HTML and attachments) through a mail server, signing in with a stored mail server account.")]
[Outcome(Outcomes.Done)]
[Output("messageId", "string", Description = "The Message-Id of the email sent (without angle brackets).")]
[Output("recipients", "number", Description = "How many recipients (to, cc and bcc) the server accepted.")]
public sealed partial class SendEmail : IActivity
{
    /// <summary>The stored mail server credential to send through.</summary>
    [Input(Description = "The mail server account to send through: a stored credential of kind 'Mail server account' (SMTP host, port, security, user name and password).",
        Required = true, Editor = InputEditors.Credential)]
    public string Credential { get; set; } = "";

    /// <summary>The sender; the account's user name when empty.</summary>
    [Input(Description = "The sender, e.g. foi@council.gov.uk or \"FOI team <foi@council.gov.uk>\". When empty, the account's user name (if it is an address).")]
    public string? From { get; set; }

    /// <summary>Recipients.</summary>
    [Input(Description = "Recipients' addresses; an entry may list several separated by commas.")]
    public string[] To { get; set; } = [];

    /// <summary>Copy recipients.</summary>
    [Input(DisplayName = "Cc", Description = "Recipients who get a copy, visible to everyone.")]
    public string[] Cc { get; set; } = [];

    /// <summary>Blind copy recipients.</summary>
    [Input(DisplayName = "Bcc", Description = "Recipients who get a copy the other recipients do not see.")]
    public string[] Bcc { get; set; } = [];

    /// <summary>Where replies go, when not to the sender.</summary>
    [Input(Description = "Where replies should go, when not to the sender.")]
    public string[] ReplyTo { get; set; } = [];

    /// <summary>The subject.</summary>
    [Input(Description = "The subject line; use a Liquid template to include values, e.g. Your request {{ input.reference }}.", Required = true)]
    public string Subject { get; set; } = "";

    /// <summary>The plain-text body.</summary>
    [Input(Description = "The message as plain text; use a Liquid template to include values. Give a text body, an HTML body or both.",
        Editor = InputEditors.MultilineText)]
    public string? TextBody { get; set; }

    /// <summary>The HTML body.</summary>
    [Input(DisplayName = "HTML body", Description = "The message as HTML; in a Liquid template, write {{ value | escape }} so that values cannot break the HTML.",
        Editor = InputEditors.MultilineText)]
    public string? HtmlBody { get; set; }

    /// <summary>Files to attach.</summary>
    [Input(Description = "Files to attach: stored documents {\"documentId\": \"...\"} (as the Email received trigger gives attachments), or {\"name\": \"reply.pdf\", \"contentType\": \"application/pdf\", \"contentBase64\": \"...\"} objects (as Read mailbox gives them).")]
    public List<MailAttachmentInput> Attachments { get; set; } = [];

    /// <summary>Time limit for each exchange with the server.</summary>
    [Input(Description = "How long to wait for the mail server at each step before giving up (the retry policy then applies).")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        MailAccount account;
        MimeMessage message;
        try
        {
            account = await MailConnections.UnlockAsync(context, Credential).ConfigureAwait(false);
            message = await ComposeAsync(account, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MailAccountException or FormatException)
        {
            return ActivityResult.Fail(e.Message);
        }

        if (await MailSender.SendAsync(account, message, Timeout, context.Services.GetService<MailServerTrust>(), context.CancellationToken).ConfigureAwait(false) is { } failure)
        {
            if (failure.Transient) throw new MailServerUnavailableException(failure.Message);
            return ActivityResult.Fail(failure.Message);
        }

        context.SetOutput("messageId", message.MessageId);
        context.SetOutput("recipients", message.To.Count + message.Cc.Count + message.Bcc.Count);
        return ActivityResult.Done;
    }

    private async Task<MimeMessage> ComposeAsync(MailAccount account, ActivityContext context)
    {
        var message = new MimeMessage();
        message.From.Add(MailSender.Sender(account, From));
        message.To.AddRange(MailAddresses.Parse(To, "to"));
        message.Cc.AddRange(MailAddresses.Parse(Cc, "cc"));
        message.Bcc.AddRange(MailAddresses.Parse(Bcc, "bcc"));
        message.ReplyTo.AddRange(MailAddresses.Parse(ReplyTo, "replyTo"));
        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
            throw new FormatException("Input 'to': give at least one recipient (in to, cc or bcc).");
        if (string.IsNullOrWhiteSpace(Subject)) throw new FormatException("Input 'subject': give a subject.");
        if (string.IsNullOrEmpty(TextBody) && string.IsNullOrEmpty(HtmlBody))
            throw new FormatException("Input 'textBody': give a text body, an HTML body or both.");
        message.Subject = Subject.ReplaceLineEndings(" ").Trim();
        var domain = ((MailboxAddress)message.From[0]).Domain;
        message.MessageId = $"{IdPart(context.InstanceId)}.{IdPart(context.ActivityId)}.{context.WorkItemId}@{(string.IsNullOrEmpty(domain) ? "automation" : domain)}";

        var body = new BodyBuilder { TextBody = TextBody, HtmlBody = HtmlBody };
        for (var i = 0; i < Attachments.Count; i++)
        {
            var (name, type, bytes) = await ReadAttachmentAsync(Attachments[i], i, context).ConfigureAwait(false);
            body.Attachments.Add(name, bytes, type);
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static async Task<(string Name, ContentType Type, byte[] Bytes)> ReadAttachmentAsync(MailAttachmentInput? attachment, int index, ActivityContext context)
    {
        var field = $"attachments[{index}]";
        if (attachment is null) throw new FormatException($"Input '{field}': give an object with a documentId, or with name, contentType and contentBase64.");
        if (!string.IsNullOrWhiteSpace(attachment.DocumentId)) return await ReadDocumentAsync(attachment, field, context).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(attachment.Name)) throw new FormatException($"Input '{field}.name': give the file name.");
        if (attachment.ContentBase64 is null) throw new FormatException($"Input '{field}.contentBase64': give the file's content in base64, or a documentId.");
        var bytes = new byte[(attachment.ContentBase64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(attachment.ContentBase64, bytes, out var length))
            throw new FormatException($"Input '{field}.contentBase64': the content of '{attachment.Name}' is not valid base64.");
        var typeText = string.IsNullOrWhiteSpace(attachment.ContentType) ? MimeTypes.GetMimeType(attachment.Name) : attachment.ContentType;
        if (!ContentType.TryParse(typeText, out var type))
            throw new FormatException($"Input '{field}.contentType': '{typeText}' is not a MIME type (for example application/pdf).");
        return (attachment.Name.Trim(), type, bytes.AsSpan(0, length).ToArray());
    }

    private static async Task<(string Name, ContentType Type, byte[] Bytes)> ReadDocumentAsync(MailAttachmentInput attachment, string field, ActivityContext context)
    {
        var store = context.Services.GetService<IDocumentStore>()
            ?? throw new FormatException($"Input '{field}.documentId': this host keeps no documents.");
        var id = attachment.DocumentId!.Trim();
        var document = await store.GetAsync(id, context.CancellationToken).ConfigureAwait(false);
        var bytes = document is null ? null : await store.ReadAsync(id, context.CancellationToken).ConfigureAwait(false);
        if (document is null || bytes is null) throw new FormatException($"Input '{field}.documentId': there is no document '{id}'.");
        var name = string.IsNullOrWhiteSpace(attachment.Name) ? document.Name : attachment.Name.Trim();
        var typeText = string.IsNullOrWhiteSpace(attachment.ContentType) ? document.ContentType : attachment.ContentType;
        if (!ContentType.TryParse(typeText, out var type))
            throw new FormatException($"Input '{field}.contentType': '{typeText}' is not a MIME type (for example application/pdf).");
        return (name, type, bytes);
    }

    // Message-id's left part allows letters, digits and a few symbols; ids of instances and activities are mostly that already.
    private static string IdPart(string value) => UnsafeIdCharacters().Replace(value, "-");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacters();
}
