namespace Automation.Engine.Queues;

/// <summary>Where a queue item is in its life.</summary>
public enum QueueItemStatus
{
    /// <summary>Waiting to be taken (also after a retried system exception).</summary>
    New,

    /// <summary>Taken by a bot, which holds a lease on it.</summary>
    InProgress,

    /// <summary>Done; its output is recorded.</summary>
    Successful,

    /// <summary>Ended with a business exception, or a system exception with no attempts left.</summary>
    Failed,

    /// <summary>
    /// Only in an item's history: an attempt ended in a system exception (or an operator retried the item) and the
    /// item went back to <see cref="New"/>. An item itself never stays in this status.
    /// </summary>
    Retried,

    /// <summary>Left in progress past the queue's abandonment window, or abandoned by an operator.</summary>
    Abandoned,

    /// <summary>Deleted by an operator: kept for the record, never taken, and its reference is free again.</summary>
    Deleted,
}
