using System.Text.Json.Nodes;
using Automation.Engine.Persistence;

namespace Automation.Engine.Queues;

/// <summary>
/// The rules of an item's life as pure functions, shared by every store: each returns the changed item and the
/// history event, or null when the item's status (or holder) does not allow the change. Stores only load, apply and save.
/// </summary>
public static class QueueItemTransitions
{
    /// <summary>A rule: the item and its queue in, the change out (null when not allowed; no event for a heartbeat, which would flood the history).</summary>
    public delegate (QueueItem Item, QueueItemEvent? Event)? Rule(QueueItem item, WorkQueue queue);

    /// <summary>The items that match may be taken now: New and not postponed.</summary>
    public static bool IsTakeable(QueueItem item, DateTimeOffset now) =>
        item.Status == QueueItemStatus.New && (item.PostponeUntil is null || item.PostponeUntil <= now);

    /// <summary>Builds a new item from what a caller gave (the deadline defaults to the queue's SLA).</summary>
    public static (QueueItem Item, QueueItemEvent Event) Add(WorkQueue queue, NewQueueItem item, string id, string? actor, DateTimeOffset now)
    {
        now = StoreTime.Normalize(now);
        var added = new QueueItem
        {
            Id = id,
            Queue = queue.Name,
            Reference = item.Reference,
            Priority = item.Priority,
            Deadline = StoreTime.Normalize(item.Deadline ?? (queue.DefaultSla is { } sla ? now + sla : null)),
            PostponeUntil = StoreTime.Normalize(item.PostponeUntil),
            Data = (JsonObject?)item.Data?.DeepClone() ?? [],
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        return (added, Event(added, QueueItemActions.Added, added.Status, actor, null, now));
    }

    /// <summary>Leases the item to <paramref name="bot"/> (one more attempt).</summary>
    public static Rule Take(string bot, DateTimeOffset now) => (item, queue) =>
        !IsTakeable(item, now) ? null : Change(item with
        {
            Status = QueueItemStatus.InProgress, HeldBy = bot, LeaseUntil = now + queue.LeaseDuration, StartedAt = now, Attempts = item.Attempts + 1,
        }, QueueItemActions.Taken, bot, null, now);

    /// <summary>Extends the holder's lease.</summary>
    public static Rule Heartbeat(string bot, DateTimeOffset now) => (item, queue) =>
        !HeldBy(item, bot) ? null : (item with { LeaseUntil = StoreTime.Normalize(now + queue.LeaseDuration), UpdatedAt = StoreTime.Normalize(now) }, null);

    /// <summary>The holder completed the item.</summary>
    public static Rule Complete(string bot, JsonObject? output, DateTimeOffset now) => (item, _) =>
        !HeldBy(item, bot) ? null : Change(item with
        {
            Status = QueueItemStatus.Successful, Output = (JsonObject?)output?.DeepClone() ?? [], LeaseUntil = null, CompletedAt = now,
        }, QueueItemActions.Completed, bot, null, now);

    /// <summary>The holder reports a failure; <paramref name="code"/> null gives <see cref="SystemCode"/> for a system exception.</summary>
    public static Rule Fail(string bot, QueueFailureKind kind, string reason, DateTimeOffset now, string? code = null) => (item, queue) =>
        !HeldBy(item, bot) ? null : Failure(item, queue, kind, reason, code, QueueItemActions.Failed, bot, now);

    /// <summary>The failure code of a system exception reported without one.</summary>
    public const string SystemCode = "system";

    /// <summary>The failure code of an attempt whose lease ran out.</summary>
    public const string LeaseExpiredCode = "lease-expired";

    /// <summary>The longest failure code kept (longer ones are cut).</summary>
    public const int MaxCodeLength = 100;

    /// <summary>The holder gives the item back; the attempt does not count.</summary>
    public static Rule Release(string bot, DateTimeOffset now) => (item, _) =>
        !HeldBy(item, bot) ? null : Change(item with
        {
            Status = QueueItemStatus.New, LeaseUntil = null, Attempts = Math.Max(0, item.Attempts - 1),
        }, QueueItemActions.Released, bot, null, now);

    /// <summary>The lease ran out: a system exception.</summary>
    public static Rule ExpireLease(DateTimeOffset now) => (item, queue) =>
        item.Status != QueueItemStatus.InProgress || item.LeaseUntil > now ? null
            : Failure(item, queue, QueueFailureKind.System, $"The lease of {item.HeldBy} ran out without a heartbeat.", LeaseExpiredCode,
                QueueItemActions.LeaseExpired, null, now);

    /// <summary>In progress longer than the abandonment window.</summary>
    public static Rule AbandonStale(DateTimeOffset now) => (item, queue) =>
        item.Status != QueueItemStatus.InProgress || item.StartedAt + queue.AbandonAfter > now ? null
            : Change(item with { Status = QueueItemStatus.Abandoned, LeaseUntil = null, CompletedAt = now }, QueueItemActions.Abandoned, null,
                $"In progress longer than the queue's abandonment window ({queue.AbandonAfter}).", now);

    /// <summary>An operator retries a Failed or Abandoned item with a fresh set of attempts.</summary>
    public static Rule Retry(string actor, DateTimeOffset now) => (item, _) =>
        item.Status is not (QueueItemStatus.Failed or QueueItemStatus.Abandoned) ? null
            : Change(item with { Status = QueueItemStatus.New, Attempts = 0, CompletedAt = null, LeaseUntil = null }, QueueItemActions.Retried, actor, null, now);

    /// <summary>An operator abandons a New or InProgress item.</summary>
    public static Rule Abandon(string actor, DateTimeOffset now) => (item, _) =>
        item.Status is not (QueueItemStatus.New or QueueItemStatus.InProgress) ? null
            : Change(item with { Status = QueueItemStatus.Abandoned, LeaseUntil = null, CompletedAt = now }, QueueItemActions.Abandoned, actor, null, now);

    /// <summary>An operator deletes an item that is not in progress.</summary>
    public static Rule Delete(string actor, DateTimeOffset now) => (item, _) =>
        item.Status is QueueItemStatus.InProgress or QueueItemStatus.Deleted ? null
            : Change(item with { Status = QueueItemStatus.Deleted, LeaseUntil = null }, QueueItemActions.Deleted, actor, null, now);

    private static bool HeldBy(QueueItem item, string bot) => item.Status == QueueItemStatus.InProgress && item.HeldBy == bot;

    private static (QueueItem, QueueItemEvent) Failure(
        QueueItem item, WorkQueue queue, QueueFailureKind kind, string reason, string? code, string action, string? actor, DateTimeOffset now)
    {
        code = string.IsNullOrWhiteSpace(code) ? (kind == QueueFailureKind.System ? SystemCode : null) : code.Trim();
        if (code is { Length: > MaxCodeLength }) code = code[..MaxCodeLength];
        var retry = kind == QueueFailureKind.System && item.Attempts < queue.MaxAttempts;
        var failed = item with
        {
            Status = retry ? QueueItemStatus.New : QueueItemStatus.Failed, FailureKind = kind, FailureReason = reason, FailureCode = code, LeaseUntil = null,
            CompletedAt = retry ? null : StoreTime.Normalize(now),
        };
        var (changed, _) = Change(failed, action, actor, reason, now);
        // The history says the attempt was retried; the item itself is New again.
        return (changed, Event(changed, action, retry ? QueueItemStatus.Retried : QueueItemStatus.Failed, actor, $"{kind} exception: {reason}", now) with
        {
            FailureKind = kind, FailureCode = code,
        });
    }

    private static (QueueItem Item, QueueItemEvent Event) Change(QueueItem item, string action, string? actor, string? message, DateTimeOffset now)
    {
        var changed = Touch(item, now);
        return (changed, Event(changed, action, changed.Status, actor, message, now));
    }

    private static QueueItem Touch(QueueItem item, DateTimeOffset now) => item with
    {
        UpdatedAt = StoreTime.Normalize(now), Version = item.Version + 1, LeaseUntil = StoreTime.Normalize(item.LeaseUntil),
        StartedAt = StoreTime.Normalize(item.StartedAt), CompletedAt = StoreTime.Normalize(item.CompletedAt),
    };

    private static QueueItemEvent Event(QueueItem item, string action, QueueItemStatus status, string? actor, string? message, DateTimeOffset now) =>
        new(item.Id, item.Version, StoreTime.Normalize(now), action, status, actor, message);
}
