namespace Automation.Engine.Triggers;

/// <summary>Something that happened to a trigger: it fired, skipped a message, failed, or quarantined an input.</summary>
public sealed record TriggerEvent
{
    /// <summary>Unique id (sortable by time).</summary>
    public required string Id { get; init; }

    /// <summary>The trigger (<see cref="TriggerRegistration.Id"/>).</summary>
    public required string TriggerId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="TriggerEventKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>What happened, for a person (never a secret).</summary>
    public required string Message { get; init; }

    /// <summary>The instance it started, when it started one.</summary>
    public string? InstanceId { get; init; }
}

/// <summary>The kinds of <see cref="TriggerEvent"/>.</summary>
public static class TriggerEventKinds
{
    /// <summary>The trigger started an instance.</summary>
    public const string Fired = "fired";

    /// <summary>The trigger saw an input it had already started an instance for, and did not start another.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>An input could not be used and was set aside (see <see cref="QuarantinedItem"/>).</summary>
    public const string Quarantined = "quarantined";

    /// <summary>The trigger could not do its work (a mailbox unreachable, a folder missing); it tries again.</summary>
    public const string Error = "error";
}
