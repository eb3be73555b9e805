namespace Automation.Engine.Queues;

/// <summary>Filters for listing a queue's items (newest first).</summary>
public sealed record QueueItemQuery
{
    /// <summary>Only items in this status.</summary>
    public QueueItemStatus? Status { get; init; }

    /// <summary>Only the item with this reference.</summary>
    public string? Reference { get; init; }
}
