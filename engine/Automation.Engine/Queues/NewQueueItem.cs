using System.Text.Json.Nodes;

namespace Automation.Engine.Queues;

/// <summary>An item to add to a queue.</summary>
public sealed record NewQueueItem
{
    /// <summary>Unique reference in the queue (optional).</summary>
    public string? Reference { get; init; }

    /// <summary>Priority (default normal).</summary>
    public QueueItemPriority Priority { get; init; } = QueueItemPriority.Normal;

    /// <summary>Deadline; when null the queue's default SLA applies, if it has one.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Not taken before this time (optional).</summary>
    public DateTimeOffset? PostponeUntil { get; init; }

    /// <summary>The item's data (an empty object when null).</summary>
    public JsonObject? Data { get; init; }
}
