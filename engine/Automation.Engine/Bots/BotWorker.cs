namespace Automation.Engine.Bots;

/// <summary>One worker of a bot host as last reported: which bot on which queue, what it is doing and how much it has done.</summary>
public sealed record BotWorker
{
    /// <summary>The worker's id, unique across processes: <c>{bot}@{machine}#{n}-{process token}</c>; the <c>heldBy</c> of what it takes.</summary>
    public required string Id { get; init; }

    /// <summary>The bot's name.</summary>
    public required string Bot { get; init; }

    /// <summary>The queue it takes items from.</summary>
    public required string Queue { get; init; }

    /// <summary>The pool (from the host's configuration) it belongs to.</summary>
    public required string Pool { get; init; }

    /// <summary>The machine it runs on.</summary>
    public required string Node { get; init; }

    /// <summary>What it is doing.</summary>
    public BotWorkerStatus Status { get; init; }

    /// <summary>Why its pool is misconfigured; null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>The item in hand; null when none.</summary>
    public string? ItemId { get; init; }

    /// <summary>The reference of the item in hand; null when none or it has none.</summary>
    public string? ItemReference { get; init; }

    /// <summary>When the worker started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it last reported (on start, every heartbeat interval and every item).</summary>
    public DateTimeOffset LastHeartbeat { get; init; }

    /// <summary>Items it settled since it started (successful or failed).</summary>
    public long ItemsHandled { get; init; }

    /// <summary>Of those, the attempts that failed (business or system exception).</summary>
    public long ItemsFailed { get; init; }
}
