using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Automation.Testing.Mail;

/// <summary>
/// What a test does with a <see cref="MailServer"/> from the outside, through MailKit as any mail client would: send
/// from outside (OpenSMTPD, no sign-in), drop a message straight into a mailbox (IMAP APPEND, also for bytes that
/// are not valid mail), and wait for what arrived.
/// </summary>
public static class TestMailClient
{
    /// <summary>Sends <paramref name="message"/> through the relay (SMTP, no sign-in), as mail from another organisation arrives.</summary>
    public static async Task SendAsync(this MailServer server, MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(server.Host, server.SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>
    /// Delivers <paramref name="raw"/> into the mailbox's INBOX byte for byte over LMTP (no parsing, no checks), for
    /// messages no mail client would send, such as a malformed one.
    /// </summary>
    /// <exception cref="InvalidOperationException">Dovecot refused the message; the message holds its reply.</exception>
    public static async Task DeliverRawAsync(this MailServer server, TestMailbox mailbox, byte[] raw)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(server.Host, server.LmtpPort);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        async Task<string> ReplyAsync(string expected)
        {
            string? line;
            var reply = new System.Text.StringBuilder();
            do
            {
                line = await reader.ReadLineAsync() ?? throw new InvalidOperationException("LMTP closed the connection: " + reply);
                reply.AppendLine(line);
            } while (line.Length > 3 && line[3] == '-');
            if (!line.StartsWith(expected, StringComparison.Ordinal)) throw new InvalidOperationException("LMTP refused: " + reply);
            return reply.ToString();
        }
        async Task SendAsync(string line) => await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line + "\r\n"));
        await ReplyAsync("220");
        await SendAsync("LHLO tests");
        await ReplyAsync("250");
        await SendAsync("MAIL FROM:<>");
        await ReplyAsync("250");
        await SendAsync($"RCPT TO:<{mailbox.Address}>");
        await ReplyAsync("250");
        await SendAsync("DATA");
        await ReplyAsync("354");
        // Dot-stuffing: a line that starts with '.' gets another, and the data ends with CRLF '.' CRLF.
        var text = System.Text.Encoding.Latin1.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var data = string.Join("\r\n", text.Select(l => l.StartsWith('.') ? "." + l : l));
        await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(data + (data.EndsWith("\r\n", StringComparison.Ordinal) ? "" : "\r\n") + ".\r\n"));
        await ReplyAsync("250");
        await SendAsync("QUIT");
    }

    /// <summary>Stores <paramref name="message"/> in <paramref name="folder"/> of the mailbox (created when missing).</summary>
    /// <param name="server">The server.</param>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="message">The message.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="flags">Flags to store it with (for example <see cref="MessageFlags.Seen"/>).</param>
    /// <param name="arrived">The arrival time the server records (IMAP's internal date); now when null.</param>
    /// <returns>The new message's UID.</returns>
    public static async Task<UniqueId?> AppendAsync(this MailServer server, TestMailbox mailbox, MimeMessage message, string folder = "INBOX",
        MessageFlags flags = MessageFlags.None, DateTimeOffset? arrived = null)
    {
        using var imap = await server.ConnectImapAsync(mailbox);
        var target = await OpenOrCreateAsync(imap, folder);
        var uid = await target.AppendAsync(new AppendRequest(message, flags) { InternalDate = arrived });
        await imap.DisconnectAsync(true);
        return uid;
    }

    /// <summary>Waits until <paramref name="folder"/> holds at least <paramref name="count"/> messages and returns them all, oldest first.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/> (10 s by default); the message holds the servers' logs.</exception>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(this MailServer server, TestMailbox mailbox, int count, string folder = "INBOX", TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var messages = await server.ReadMessagesAsync(mailbox, folder);
            if (messages.Count >= count) return messages;
            if (waited.Elapsed > limit)
                throw new TimeoutException($"{mailbox} has {messages.Count} message(s) in {folder}, expected {count} within {limit.TotalSeconds:0} s.\n" +
                    $"Dovecot:\n{server.ReadLog()}\nOpenSMTPD:\n{SmtpRelay.ReadLog()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every message in <paramref name="folder"/> now, oldest first (none when the folder does not exist).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> ReadMessagesAsync(this MailServer server, TestMailbox mailbox, string folder = "INBOX")
    {
        using var imap = await server.ConnectImapAsync(mailbox);
        IMailFolder target;
        try
        {
            target = await imap.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await target.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await target.SearchAsync(SearchQuery.All))
            messages.Add(await target.GetMessageAsync(uid));
        await imap.DisconnectAsync(true);
        return messages;
    }

    /// <summary>The flags of every message in <paramref name="folder"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<MessageFlags>> ReadFlagsAsync(this MailServer server, TestMailbox mailbox, string folder = "INBOX")
    {
        using var imap = await server.ConnectImapAsync(mailbox);
        var target = await imap.GetFolderAsync(folder);
        await target.OpenAsync(FolderAccess.ReadOnly);
        var summaries = target.Count == 0 ? [] : await target.FetchAsync(0, -1, MessageSummaryItems.Flags | MessageSummaryItems.UniqueId);
        await imap.DisconnectAsync(true);
        return summaries.OrderBy(s => s.UniqueId).Select(s => s.Flags ?? MessageFlags.None).ToList();
    }

    /// <summary>An IMAP connection signed in as <paramref name="mailbox"/> (dispose it).</summary>
    public static async Task<ImapClient> ConnectImapAsync(this MailServer server, TestMailbox mailbox)
    {
        var imap = new ImapClient();
        await imap.ConnectAsync(server.Host, server.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(mailbox.UserName, mailbox.Password);
        return imap;
    }

    private static async Task<IMailFolder> OpenOrCreateAsync(ImapClient imap, string folder)
    {
        IMailFolder target;
        try
        {
            target = await imap.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            var root = imap.GetFolder(imap.PersonalNamespaces[0]);
            target = await root.CreateAsync(folder, true) ?? throw new InvalidOperationException($"The server did not create folder {folder}.");
        }
        await target.OpenAsync(FolderAccess.ReadWrite);
        return target;
    }
}
