using MimeKit;

namespace Automation.Server.Tests.Mail;

/// <summary>Emails for the trigger tests.</summary>
internal static class EmailTriggerMessages
{
    /// <summary>A text email from <paramref name="from"/> to <paramref name="to"/> with the given attachments.</summary>
    public static MimeMessage Create(string from, string to, string subject, string text, params (string Name, string Type, byte[] Bytes)[] attachments)
    {
        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, type, bytes) in attachments) body.Attachments.Add(name, bytes, ContentType.Parse(type));
        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
