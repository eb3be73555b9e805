using System.Globalization;
using System.Text.Json.Nodes;
using MimeKit;

namespace Automation.Bots.Mail.Messages;

/// <summary>
/// A received message as workflow data (ReadMailbox's messages, the EmailReceived trigger's input):
/// <c>uid</c>, <c>messageId</c>, <c>date</c>, <c>from</c> ({name, address}), <c>to</c>, <c>cc</c>, <c>replyTo</c>
/// (lists of {name, address}), <c>subject</c>, <c>inReplyTo</c>, <c>text</c>, <c>html</c> and <c>attachments</c>
/// ({name, contentType, size} and <c>contentBase64</c> when asked for).
/// </summary>
public static class MailMessageData
{
    /// <summary>Maps <paramref name="message"/> to a JSON object.</summary>
    /// <param name="message">The parsed message.</param>
    /// <param name="includeAttachmentContent">Whether each attachment carries its bytes as <c>contentBase64</c>.</param>
    /// <param name="uid">The IMAP UID in its folder, when read from one.</param>
    public static JsonObject ToJson(MimeMessage message, bool includeAttachmentContent, uint? uid = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachments = new JsonArray();
        foreach (var attachment in MailAttachmentData.Read(message))
        {
            var item = new JsonObject
            {
                ["name"] = attachment.Name,
                ["contentType"] = attachment.ContentType,
                ["size"] = attachment.Content.Length,
            };
            if (includeAttachmentContent) item["contentBase64"] = Convert.ToBase64String(attachment.Content);
            attachments.Add(item);
        }
        var data = new JsonObject();
        if (uid is not null) data["uid"] = uid.Value;
        data["messageId"] = message.MessageId;
        data["date"] = message.Date == DateTimeOffset.MinValue ? null : message.Date.ToString("O", CultureInfo.InvariantCulture);
        data["from"] = message.From.Mailboxes.FirstOrDefault() is { } from ? Address(from) : null;
        data["to"] = Addresses(message.To);
        data["cc"] = Addresses(message.Cc);
        data["replyTo"] = Addresses(message.ReplyTo);
        data["subject"] = message.Subject ?? "";
        data["inReplyTo"] = message.InReplyTo;
        data["text"] = message.TextBody;
        data["html"] = message.HtmlBody;
        data["attachments"] = attachments;
        return data;
    }

    private static JsonArray Addresses(InternetAddressList list) => new(list.Mailboxes.Select(m => (JsonNode)Address(m)).ToArray());

    private static JsonObject Address(MailboxAddress mailbox) => new()
    {
        ["name"] = string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name,
        ["address"] = mailbox.Address,
    };
}
