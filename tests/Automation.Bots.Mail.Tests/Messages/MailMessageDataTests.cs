using System.Text;
using Automation.Bots.Mail.Messages;
using MimeKit;

namespace Automation.Bots.Mail.Tests.Messages;

public class MailMessageDataTests
{
    [Test]
    public void Maps_addresses_bodies_and_attachments_without_content_unless_asked()
    {
        var message = new MimeMessage { Subject = "Invoice INV-9", MessageId = "abc@supplier.test", Date = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)) };
        message.From.Add(new MailboxAddress("Acme Accounts", "ap@acme.test"));
        message.To.Add(MailboxAddress.Parse("invoices@council.test"));
        message.Cc.Add(new MailboxAddress("Audit", "audit@council.test"));
        message.ReplyTo.Add(MailboxAddress.Parse("noreply@acme.test"));
        var body = new BodyBuilder { TextBody = "Attached.", HtmlBody = "<p>Attached.</p>" };
        body.Attachments.Add("inv-9.pdf", "%PDF"u8.ToArray(), ContentType.Parse("application/pdf"));
        message.Body = body.ToMessageBody();

        var data = MailMessageData.ToJson(message, includeAttachmentContent: false, uid: 42);
        var withContent = MailMessageData.ToJson(message, includeAttachmentContent: true);

        Assert.That(data["uid"]!.GetValue<uint>(), Is.EqualTo(42u));
        Assert.That(data["messageId"]!.GetValue<string>(), Is.EqualTo("abc@supplier.test"));
        Assert.That(data["date"]!.GetValue<string>(), Is.EqualTo("2026-03-29T01:30:00.0000000+01:00"));
        Assert.That(data["from"]!.ToJsonString(), Is.EqualTo("""{"name":"Acme Accounts","address":"ap@acme.test"}"""));
        Assert.That(data["to"]!.ToJsonString(), Is.EqualTo("""[{"name":null,"address":"invoices@council.test"}]"""));
        Assert.That(data["cc"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Audit"));
        Assert.That(data["replyTo"]![0]!["address"]!.GetValue<string>(), Is.EqualTo("noreply@acme.test"));
        Assert.That((data["text"]!.GetValue<string>(), data["html"]!.GetValue<string>()), Is.EqualTo(("Attached.", "<p>Attached.</p>")));
        Assert.That(data["attachments"]!.ToJsonString(), Is.EqualTo("""[{"name":"inv-9.pdf","contentType":"application/pdf","size":4}]"""));
        Assert.That(withContent["uid"], Is.Null);
        Assert.That(withContent["attachments"]![0]!["contentBase64"]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String("%PDF"u8.ToArray())));
    }

    [Test]
    public void Attachment_names_from_the_sender_are_plain_file_names_and_unnamed_ones_get_one()
    {
        var mixed = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "see attached" },
            new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream("x"u8.ToArray())), ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "../../etc/passwd" } },
            new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream("y"u8.ToArray())), ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) },
            new MessagePart { Message = new MimeMessage { Subject = "Original request", Body = new TextPart("plain") { Text = "hi" } }, ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) },
        };
        var message = new MimeMessage { Body = mixed };
        message.From.Add(MailboxAddress.Parse("a@example.test"));

        var attachments = MailAttachmentData.Read(message);

        Assert.That(attachments.Select(a => a.Name), Is.EqualTo(new[] { "passwd", "attachment-2.pdf", "Original request.eml" }));
        Assert.That(attachments[2].ContentType, Is.EqualTo("message/rfc822"));
        Assert.That(Encoding.ASCII.GetString(attachments[2].Content), Does.Contain("Subject: Original request"));
    }
}
