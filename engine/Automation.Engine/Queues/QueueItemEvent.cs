namespace Automation.Engine.Queues;

/// <summary>One step in a queue item's history.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Sequence">1 for the add, then one more per change.</param>
/// <param name="At">When it happened.</param>
/// <param name="Action">What happened: one of <see cref="QueueItemActions"/>.</param>
/// <param name="Status">The status the step left the item in (<see cref="QueueItemStatus.Retried"/> for a retried attempt).</param>
/// <param name="Actor">The bot or user who did it; null for the system (lease expiry, abandonment).</param>
/// <param name="Message">A failure reason or other detail; null if none.</param>
/// <param name="FailureKind">For a failed attempt (failed, leaseExpired): its kind; null otherwise.</param>
/// <param name="FailureCode">For a failed attempt: its code (see <see cref="QueueItem.FailureCode"/>); null otherwise.</param>
public sealed record QueueItemEvent(
    string ItemId, int Sequence, DateTimeOffset At, string Action, QueueItemStatus Status, string? Actor, string? Message,
    QueueFailureKind? FailureKind = null, string? FailureCode = null);
