using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Bots.Mail.Messages;
using Automation.Engine.Documents;
using Automation.Engine.Runtime;
using Automation.Engine.Triggers;
using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Automation.Bots.Mail.Triggers;

/// <summary>
/// Takes the waiting emails of one EmailReceived trigger's folder, one at a time, oldest first: each becomes one
/// workflow instance (or a quarantined item) and only then leaves the folder.
/// </summary>
/// <remarks>
/// <para>
/// Exactly once: the instance id is derived from the trigger and the message (its Message-Id, or the hash of its bytes
/// when it has none), and attachments are saved under ids derived from the instance id. If the server dies after the
/// instance is persisted but before the email is moved, the email is still in the folder on restart; starting it again
/// finds the instance already there (a "duplicate" event), saves nothing twice, and moves the email. If it dies before
/// the instance is persisted, the email is simply taken again. Messages are never deleted, only moved.
/// </para>
/// <para>
/// Quarantine: an email that cannot be parsed, has no valid sender, or that the workflow's declared inputs refuse is
/// recorded first (quarantine item with a copy of the raw message as a document) and then moved to the quarantine
/// folder, so a crash in between leaves it in the folder to be recorded again under the same id, never lost.
/// </para>
/// </remarks>
internal sealed class EmailIntake(
    TriggerRegistration registration, EmailReceived settings, TriggerStarter starter, ITriggerStore triggers, IDocumentStore documents,
    EmailTriggerOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>The source name of quarantined emails (see <see cref="IQuarantineHandler"/>).</summary>
    public const string QuarantineSource = "email";

    /// <summary>Handles every waiting email in <paramref name="folder"/> that matches the trigger's filters.</summary>
    /// <returns>False when the trigger turned out to be paused (stop taking mail).</returns>
    public async Task<bool> ProcessPendingAsync(IMailFolder folder, IMailFolder processed, IMailFolder quarantine, CancellationToken cancellationToken)
    {
        SearchQuery query = SearchQuery.NotDeleted;
        if (!string.IsNullOrWhiteSpace(settings.From)) query = query.And(SearchQuery.FromContains(settings.From.Trim()));
        if (!string.IsNullOrWhiteSpace(settings.SubjectContains)) query = query.And(SearchQuery.SubjectContains(settings.SubjectContains.Trim()));
        var uids = (await folder.SearchAsync(query, cancellationToken).ConfigureAwait(false)).OrderBy(u => u.Id).ToList();
        if (uids.Count == 0) return true;
        if (settings.HasAttachment)
        {
            var structures = await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.BodyStructure, cancellationToken).ConfigureAwait(false);
            var withAttachments = structures.Where(s => s.Attachments.Any()).Select(s => s.UniqueId).ToHashSet();
            uids = uids.Where(withAttachments.Contains).ToList();
        }
        foreach (var uid in uids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await TakeAsync(folder, uid, processed, quarantine, cancellationToken).ConfigureAwait(false)) return false;
        }
        return true;
    }

    private async Task<bool> TakeAsync(IMailFolder folder, UniqueId uid, IMailFolder processed, IMailFolder quarantine, CancellationToken cancellationToken)
    {
        byte[] raw;
        try
        {
            using var buffer = new MemoryStream();
            using (var stream = await folder.GetStreamAsync(uid, cancellationToken).ConfigureAwait(false))
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            raw = buffer.ToArray();
        }
        catch (MessageNotFoundException)
        {
            return true; // taken meanwhile by another node sharing the mailbox
        }

        MimeMessage? message = null;
        string? problem = null;
        try
        {
            using var bytes = new MemoryStream(raw, writable: false);
            message = await MimeMessage.LoadAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (message.From.Mailboxes.FirstOrDefault() is null) problem = "The email has no valid sender (From) address.";
        }
        catch (Exception e) when (e is FormatException or ParseException)
        {
            problem = $"The email could not be read as a message: {e.Message}";
        }
        var rawHash = Hex(SHA256.HashData(raw));
        var key = string.IsNullOrWhiteSpace(message?.MessageId) ? "sha256:" + rawHash : "message-id:" + message.MessageId;
        var summary = Summary(message, raw.Length);
        if (problem is not null)
        {
            await QuarantineAsync(folder, uid, quarantine, raw, rawHash, key, summary, problem, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var instanceId = "mail-" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(registration.Id + "\n" + key)))[..32];
        var input = await InputAsync(message!, uid, instanceId, cancellationToken).ConfigureAwait(false);
        try
        {
            var firing = await starter.FireAsync(registration, input, instanceId, summary, wait: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            logger.LogInformation("EmailReceived {TriggerId}: {Summary} -> instance {InstanceId}{Again}", registration.Id, summary, firing.InstanceId,
                firing.Started ? "" : " (started before; moving the email now)");
        }
        catch (InvalidWorkflowInputException e)
        {
            await QuarantineAsync(folder, uid, quarantine, raw, rawHash, key, summary, $"The workflow does not accept this email as its input: {e.Message}", cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (TriggerPausedException)
        {
            return false;
        }

        if (options.HoldBeforeMove)
        {
            logger.LogWarning("EmailReceived {TriggerId}: holding before moving the email of instance {InstanceId} (fault injection for tests)", registration.Id, instanceId);
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken).ConfigureAwait(false);
        }
        await folder.MoveToAsync(uid, processed, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The workflow input: the message as data, its attachments replaced by the documents they were saved as.</summary>
    private async Task<JsonObject> InputAsync(MimeMessage message, UniqueId uid, string instanceId, CancellationToken cancellationToken)
    {
        var input = MailMessageData.ToJson(message, includeAttachmentContent: false);
        var attachments = new JsonArray();
        var n = 0;
        foreach (var attachment in MailAttachmentData.Read(message))
        {
            // The id follows from the instance id, so a second take of the same email stores each file once.
            var document = await documents.SaveAsync(attachment.Name, attachment.ContentType, attachment.Content, instanceId, $"{instanceId}-{++n}", cancellationToken)
                .ConfigureAwait(false);
            attachments.Add(new JsonObject
            {
                ["documentId"] = document.Id, ["name"] = document.Name, ["contentType"] = document.ContentType, ["size"] = document.Size,
            });
        }
        input["attachments"] = attachments;
        input["mailbox"] = new JsonObject { ["credential"] = settings.Credential, ["folder"] = settings.Folder, ["uid"] = uid.Id };
        return input;
    }

    private async Task QuarantineAsync(IMailFolder folder, UniqueId uid, IMailFolder quarantine, byte[] raw, string rawHash, string key, string summary, string reason,
        CancellationToken cancellationToken)
    {
        // One id per (trigger, message) and per time it was quarantined: an item already recorded and still quarantined
        // means a crash came between recording and moving; one resolved (reprocessed) means the email is back and bad again.
        var baseId = "email-" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(registration.Id + "\n" + key + "\n" + rawHash)))[..24];
        for (var attempt = 0; ; attempt++)
        {
            var id = attempt == 0 ? baseId : $"{baseId}-{attempt}";
            var existing = await triggers.GetQuarantinedAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is { Status: QuarantineStatuses.Quarantined }) break;
            if (existing is not null) continue;
            var copy = await documents.SaveAsync("message.eml", "message/rfc822", raw, null, id + "-raw", cancellationToken).ConfigureAwait(false);
            await triggers.AddQuarantinedAsync(new QuarantinedItem
            {
                Id = id,
                TriggerId = registration.Id,
                Source = QuarantineSource,
                Reference = EmailQuarantineReference.Format(settings.QuarantineFolder, rawHash),
                Summary = summary,
                Reason = reason,
                DocumentId = copy.Id,
                QuarantinedAt = clock.GetUtcNow(),
            }, cancellationToken).ConfigureAwait(false);
            await starter.RecordAsync(registration, TriggerEventKinds.Quarantined, $"{summary}: {reason}", cancellationToken: cancellationToken).ConfigureAwait(false);
            logger.LogWarning("EmailReceived {TriggerId}: quarantined {Summary}: {Reason}", registration.Id, summary, reason);
            break;
        }
        await folder.MoveToAsync(uid, quarantine, cancellationToken).ConfigureAwait(false);
    }

    private static string Summary(MimeMessage? message, int size)
    {
        if (message is null) return $"unreadable email ({size} bytes)";
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "no sender";
        var subject = string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject.Trim();
        var text = $"email from {from}: {subject}";
        return text.Length > 200 ? text[..197] + "..." : text;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
