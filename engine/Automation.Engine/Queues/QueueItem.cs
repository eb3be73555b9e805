using System.Text.Json.Nodes;

namespace Automation.Engine.Queues;

/// <summary>One unit of work in a queue: its data, where it is in its life, and who holds it.</summary>
public sealed record QueueItem
{
    /// <summary>The item's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The name of the queue it belongs to.</summary>
    public required string Queue { get; init; }

    /// <summary>The caller's reference (an invoice number, an employee number), unique in the queue among items not deleted; null for none.</summary>
    public string? Reference { get; init; }

    /// <summary>Its priority.</summary>
    public QueueItemPriority Priority { get; init; } = QueueItemPriority.Normal;

    /// <summary>When it should be done by (its SLA); null for none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>It is not taken before this time; null to be taken at once.</summary>
    public DateTimeOffset? PostponeUntil { get; init; }

    /// <summary>The item's specific data.</summary>
    public JsonObject Data { get; init; } = [];

    /// <summary>Its status.</summary>
    public QueueItemStatus Status { get; init; } = QueueItemStatus.New;

    /// <summary>The kind of the last failure; null while none.</summary>
    public QueueFailureKind? FailureKind { get; init; }

    /// <summary>The reason of the last failure; null while none.</summary>
    public string? FailureReason { get; init; }

    /// <summary>
    /// A short code for the reason of the last failure, to count failures by reason: the bot's
    /// <c>BusinessException</c> code, <c>lease-expired</c>, the exception type of a bot's system exception, or
    /// <c>system</c>; null while none (or a business failure given no code).
    /// </summary>
    public string? FailureCode { get; init; }

    /// <summary>How many times it was taken.</summary>
    public int Attempts { get; init; }

    /// <summary>What the bot recorded when it completed the item; null before.</summary>
    public JsonObject? Output { get; init; }

    /// <summary>The bot that holds it (in progress) or held it last.</summary>
    public string? HeldBy { get; init; }

    /// <summary>When the current lease ends; null when not in progress.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last taken; null if never.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached Successful, Failed or Abandoned; null before.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many changes it has had (the sequence of its last history event).</summary>
    public int Version { get; init; }
}
