using System.Text.Json.Nodes;
using Automation.Engine.Persistence;

namespace Automation.Engine.Queues;

/// <summary>
/// Work queues and their items. Every change to an item is atomic and recorded in its history; two bots never hold
/// the same item (PostgreSQL takes items with <c>FOR UPDATE SKIP LOCKED</c>; SQLite has one writer). Times are passed
/// in so that callers (and tests) decide what "now" is. Methods that change an item return null when it does not
/// exist and a <see cref="QueueItemChange"/> with <c>Changed = false</c> when its status or holder forbids the change.
/// </summary>
public interface IWorkQueueStore
{
    /// <summary>Creates the queue or updates its settings (its items stay).</summary>
    /// <exception cref="ArgumentException">The name or a setting is not valid, or the data schema is not a JSON Schema.</exception>
    Task<WorkQueue> SaveQueueAsync(WorkQueue queue, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The queue named <paramref name="name"/>, or null.</summary>
    Task<WorkQueue?> GetQueueAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every queue, by name.</summary>
    Task<IReadOnlyList<WorkQueue>> ListQueuesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="items"/> to <paramref name="queue"/> in one transaction: all are added (less ignored duplicates) or none.
    /// </summary>
    /// <exception cref="WorkQueueNotFoundException">There is no such queue.</exception>
    /// <exception cref="QueueItemDataInvalidException">An item's data does not match the queue's schema.</exception>
    /// <exception cref="DuplicateQueueItemException">A reference is already in the queue (or twice in the batch) and the queue rejects duplicates.</exception>
    Task<AddItemsResult> AddItemsAsync(string queue, IReadOnlyList<NewQueueItem> items, string? actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the next New item that is not postponed past <paramref name="now"/> and leases it to <paramref name="bot"/>.
    /// Order: items with a deadline first (by priority, then deadline), then the rest by priority, then first in, first out.
    /// Returns null when none is waiting.
    /// </summary>
    Task<QueueItem?> TakeNextAsync(string queue, string bot, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of an item <paramref name="bot"/> holds by the queue's lease duration.</summary>
    Task<QueueItemChange?> HeartbeatAsync(string itemId, string bot, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks an item <paramref name="bot"/> holds Successful with its output.</summary>
    Task<QueueItemChange?> CompleteAsync(string itemId, string bot, JsonObject? output, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failure of an item <paramref name="bot"/> holds: a business exception fails it; a system exception
    /// returns it to New (history: Retried) while it has attempts left, else fails it.
    /// </summary>
    Task<QueueItemChange?> FailAsync(string itemId, string bot, QueueFailureKind kind, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FailAsync(itemId, bot, kind, reason, null, now, cancellationToken);

    /// <summary>
    /// Records a failure as <see cref="FailAsync(string, string, QueueFailureKind, string, DateTimeOffset, CancellationToken)"/> does, with a
    /// short <paramref name="code"/> for the reason (kept on the item and its history, to count failures by reason; at most
    /// 100 characters). A null code is <c>system</c> for a system exception and none for a business exception.
    /// </summary>
    Task<QueueItemChange?> FailAsync(string itemId, string bot, QueueFailureKind kind, string reason, string? code, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>Gives an item <paramref name="bot"/> holds back to the queue untouched (the attempt does not count).</summary>
    Task<QueueItemChange?> ReleaseAsync(string itemId, string bot, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Treats every item whose lease ended by <paramref name="now"/> as a system exception (retried while attempts are left); returns them as changed.</summary>
    Task<IReadOnlyList<QueueItem>> ExpireLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Abandons every item still in progress longer than its queue's abandonment window; returns them.</summary>
    Task<IReadOnlyList<QueueItem>> AbandonStaleAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>An operator sends a Failed or Abandoned item back to New with a fresh set of attempts.</summary>
    Task<QueueItemChange?> RetryAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>An operator abandons a New or InProgress item.</summary>
    Task<QueueItemChange?> AbandonAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>An operator deletes an item that is not in progress (it stays for the record; its reference is freed).</summary>
    Task<QueueItemChange?> DeleteAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The item, or null.</summary>
    Task<QueueItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>The item's history, oldest first (empty when it does not exist).</summary>
    Task<IReadOnlyList<QueueItemEvent>> GetHistoryAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>One page of the queue's items, newest first.</summary>
    /// <exception cref="ArgumentException">The cursor is not valid.</exception>
    Task<Page<QueueItem>> ListItemsAsync(string queue, QueueItemQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>The queue's counts by status, throughput and average handling time over <paramref name="window"/>, and SLA breaches.</summary>
    Task<QueueStatistics> GetStatisticsAsync(string queue, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default);
}
