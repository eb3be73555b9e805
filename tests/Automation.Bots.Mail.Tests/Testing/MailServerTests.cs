using Automation.Testing.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Automation.Bots.Mail.Tests.Testing;

/// <summary>The test mail server itself: what the activity tests rely on.</summary>
public class MailServerTests
{
    [Test]
    public async Task A_message_submitted_with_a_password_reaches_every_recipient_through_the_shared_relay()
    {
        await using var server = await MailServer.StartAsync();
        var foi = await server.CreateMailboxAsync("foi");
        var invoices = await server.CreateMailboxAsync("invoices");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(foi.Address));
        message.To.Add(MailboxAddress.Parse(invoices.Address));
        message.Bcc.Add(MailboxAddress.Parse(foi.Address));
        message.Subject = "Invoice 42";
        message.Body = new TextPart("plain") { Text = "See attached." };

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(server.Host, server.SubmissionPort, SecureSocketOptions.None);
            await smtp.AuthenticateAsync(foi.UserName, foi.Password);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }

        Assert.That((await server.WaitForMessagesAsync(invoices, 1)).Single().Subject, Is.EqualTo("Invoice 42"));
        Assert.That((await server.WaitForMessagesAsync(foi, 1)).Single().Subject, Is.EqualTo("Invoice 42"));
    }

    [Test]
    public async Task A_wrong_password_is_refused()
    {
        await using var server = await MailServer.StartAsync();
        var foi = await server.CreateMailboxAsync("foi", "right-password");

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(server.Host, server.SubmissionPort, SecureSocketOptions.None);
        Assert.ThrowsAsync<AuthenticationException>(() => smtp.AuthenticateAsync(foi.UserName, "wrong-password"));
    }

    [Test]
    public async Task Two_servers_at_once_share_the_relay_and_each_gets_only_its_own_mail()
    {
        await using var first = await MailServer.StartAsync();
        await using var second = await MailServer.StartAsync();
        var a = await first.CreateMailboxAsync("foi");
        var b = await second.CreateMailboxAsync("foi");

        Assert.That(second.SmtpPort, Is.EqualTo(first.SmtpPort), "one OpenSMTPD per machine");
        Assert.That(second.Domain, Is.Not.EqualTo(first.Domain));
        await first.SendAsync(Message("outside@example.test", a.Address, "to the first"));
        await second.SendAsync(Message("outside@example.test", b.Address, "to the second"));

        Assert.That((await first.WaitForMessagesAsync(a, 1)).Select(m => m.Subject), Is.EqualTo(new[] { "to the first" }));
        Assert.That((await second.WaitForMessagesAsync(b, 1)).Select(m => m.Subject), Is.EqualTo(new[] { "to the second" }));
    }

    [Test]
    public async Task Raw_bytes_delivered_over_lmtp_are_stored_as_they_are()
    {
        await using var server = await MailServer.StartAsync();
        var foi = await server.CreateMailboxAsync("foi");
        var raw = "From: someone@example.test\r\nSubject: raw\r\n\r\n.leading dot\r\nbody\r\n"u8.ToArray();

        await server.DeliverRawAsync(foi, raw);

        var stored = (await server.WaitForMessagesAsync(foi, 1)).Single();
        Assert.That(stored.Subject, Is.EqualTo("raw"));
        Assert.That(stored.TextBody, Does.Contain(".leading dot"));
    }

    private static MimeMessage Message(string from, string to, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "hello" };
        return message;
    }
}
