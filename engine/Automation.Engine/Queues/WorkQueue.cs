using System.Text.Json.Nodes;

namespace Automation.Engine.Queues;

/// <summary>
/// A named work queue and the rules its items follow: what a duplicate reference does, how often a system exception
/// is retried, how long a taken item is leased and when an item left in progress is abandoned.
/// </summary>
public sealed record WorkQueue
{
    /// <summary>The queue's unique name (letters, digits, '-', '_' and '.'), used in the API and by activities.</summary>
    public required string Name { get; init; }

    /// <summary>What the queue is for, shown to operators.</summary>
    public string? Description { get; init; }

    /// <summary>What adding an item whose reference the queue already holds does.</summary>
    public DuplicateReferencePolicy DuplicatePolicy { get; init; } = DuplicateReferencePolicy.Reject;

    /// <summary>How many times an item may be taken before a system exception fails it for good (1 = never retried).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long an item may stay in progress (heartbeats or not) before it is abandoned.</summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a take or heartbeat holds an item; an item whose lease runs out is returned as a system exception.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Optional JSON Schema that every item's data must match; items that do not are rejected with the schema errors.</summary>
    public JsonObject? DataSchema { get; init; }

    /// <summary>The deadline given to an item added without one, counted from when it was added; null for none.</summary>
    public TimeSpan? DefaultSla { get; init; }

    /// <summary>When the queue was first saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the queue was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
