using System.Text.Json.Nodes;
using Automation.Bots.Mail.Accounts;
using Automation.Bots.Mail.Messages;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Mail.Activities;

/// <summary>Searches a mailbox folder over IMAP and returns the matching messages as data.</summary>
[Activity("ReadMailbox", Category = "Mail", DisplayName = "Read mailbox",
    Description = "Finds messages in a mailbox folder (unread, from someone, with words in the subject, since a date) and gives them to the workflow as data.")]
[Outcome(Outcomes.Done)]
[Output("messages", "array", Description = "The messages found, oldest first: uid, messageId, date, from, to, cc, replyTo, subject, inReplyTo, text, html and attachments (name, contentType, size, and contentBase64 when asked for).")]
[Output("count", "number", Description = "How many messages are in 'messages'.")]
[Output("more", "boolean", Description = "True when more messages matched than 'max messages' allowed; read again to get the rest.")]
public sealed class ReadMailbox : IActivity
{
    /// <summary>The most messages one step returns, whatever the input says (each is held in the instance's state).</summary>
    public const int MaxMessagesLimit = 500;

    /// <summary>The stored mail server credential to read with.</summary>
    [Input(Description = "The mailbox to read: a stored credential of kind 'Mail server account' (IMAP host, port, security, user name and password).",
        Required = true, Editor = InputEditors.Credential)]
    public string Credential { get; set; } = "";

    /// <summary>The folder to search.</summary>
    [Input(Description = "The folder to search, e.g. INBOX or INBOX/Invoices.")]
    public string Folder { get; set; } = "INBOX";

    /// <summary>Only messages not yet read.</summary>
    [Input(Description = "Only messages that have not been read (in any mail program, or marked as read by this step).")]
    public bool UnreadOnly { get; set; }

    /// <summary>Only messages whose sender contains this text.</summary>
    [Input(Description = "Only messages whose sender contains this text, e.g. an address or a domain such as @supplier.co.uk.")]
    public string? From { get; set; }

    /// <summary>Only messages whose subject contains this text.</summary>
    [Input(Description = "Only messages whose subject contains this text (not case-sensitive).")]
    public string? SubjectContains { get; set; }

    /// <summary>Only messages that arrived at or after this time.</summary>
    [Input(Description = "Only messages that arrived at or after this date and time.")]
    public DateTimeOffset? Since { get; set; }

    /// <summary>How many messages to return at most (oldest first).</summary>
    [Input(Description = "The most messages to return (the oldest first), up to 500.")]
    public int MaxMessages { get; set; } = 20;

    /// <summary>Whether to mark the returned messages as read.</summary>
    [Input(Description = "Mark the messages returned as read, so that 'unread only' skips them next time.")]
    public bool MarkAsRead { get; set; }

    /// <summary>Whether attachments carry their bytes.</summary>
    [Input(Description = "Include each attachment's content (base64) in the output, e.g. to save or forward it. Off: only name, type and size.")]
    public bool IncludeAttachmentContent { get; set; }

    /// <summary>Time limit for each exchange with the server.</summary>
    [Input(Description = "How long to wait for the mail server at each step before giving up (the retry policy then applies).")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (MaxMessages is < 1 or > MaxMessagesLimit)
            return ActivityResult.Fail($"Input 'maxMessages': give a number from 1 to {MaxMessagesLimit}, not {MaxMessages}.");
        if (string.IsNullOrWhiteSpace(Folder)) return ActivityResult.Fail("Input 'folder': give the folder to read, e.g. INBOX.");
        MailAccount account;
        try
        {
            account = await MailConnections.UnlockAsync(context, Credential).ConfigureAwait(false);
        }
        catch (MailAccountException e)
        {
            return ActivityResult.Fail(e.Message);
        }

        var cancellation = context.CancellationToken;
        try
        {
            using var imap = await MailConnections.ConnectImapAsync(account, Timeout, context.Services.GetService<MailServerTrust>(), cancellation).ConfigureAwait(false);
            var folder = await imap.GetFolderAsync(Folder.Trim(), cancellation).ConfigureAwait(false);
            await folder.OpenAsync(MarkAsRead ? FolderAccess.ReadWrite : FolderAccess.ReadOnly, cancellation).ConfigureAwait(false);
            var matching = await FindAsync(folder, cancellation).ConfigureAwait(false);
            var taken = matching.Take(MaxMessages).ToList();
            var messages = new JsonArray();
            foreach (var uid in taken)
            {
                // GetMessage fetches BODY.PEEK[]: reading does not mark the message as read; MarkAsRead below does.
                var message = await folder.GetMessageAsync(uid, cancellation).ConfigureAwait(false);
                messages.Add(MailMessageData.ToJson(message, IncludeAttachmentContent, uid.Id));
            }
            if (MarkAsRead && taken.Count > 0)
                await folder.AddFlagsAsync(taken, MessageFlags.Seen, silent: true, cancellation).ConfigureAwait(false);
            await imap.DisconnectAsync(true, cancellation).ConfigureAwait(false);

            context.SetOutput("messages", messages);
            context.SetOutput("count", messages.Count);
            context.SetOutput("more", matching.Count > taken.Count);
            return ActivityResult.Done;
        }
        catch (Exception e) when (MailFailure.Describe(e, account) is { } failure)
        {
            if (failure.Transient) throw new MailServerUnavailableException(failure.Message, e);
            return ActivityResult.Fail(failure.Message);
        }
    }

    /// <summary>The UIDs of the matching messages, oldest first.</summary>
    private async Task<IList<UniqueId>> FindAsync(IMailFolder folder, CancellationToken cancellation)
    {
        SearchQuery query = SearchQuery.All;
        if (UnreadOnly) query = query.And(SearchQuery.NotSeen);
        if (!string.IsNullOrWhiteSpace(From)) query = query.And(SearchQuery.FromContains(From.Trim()));
        if (!string.IsNullOrWhiteSpace(SubjectContains)) query = query.And(SearchQuery.SubjectContains(SubjectContains.Trim()));
        // IMAP's SINCE compares dates only, in the server's time zone: ask for a day more, then compare exact arrival times.
        if (Since is { } since) query = query.And(SearchQuery.DeliveredAfter(since.UtcDateTime.Date.AddDays(-1)));
        var uids = (await folder.SearchAsync(query, cancellation).ConfigureAwait(false)).OrderBy(u => u.Id).ToList();
        if (Since is null || uids.Count == 0) return uids;
        var arrivals = await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, cancellation).ConfigureAwait(false);
        var arrivedSince = arrivals.Where(s => s.InternalDate >= Since).Select(s => s.UniqueId).ToHashSet();
        return uids.Where(arrivedSince.Contains).ToList();
    }
}
