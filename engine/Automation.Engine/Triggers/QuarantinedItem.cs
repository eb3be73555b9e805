namespace Automation.Engine.Triggers;

/// <summary>
/// An input a trigger could not use (a message that does not parse, a file that cannot be read), set aside with the
/// reason instead of being lost. An operator can reprocess it (hand it back to its trigger) or discard it.
/// </summary>
public sealed record QuarantinedItem
{
    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The trigger that set it aside.</summary>
    public required string TriggerId { get; init; }

    /// <summary>Where it came from: <c>email</c> or <c>file</c>.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// Where the input now is, in the source's terms, so that it can be handed back: the message's folder and
    /// Message-Id for email, the quarantine path for a file.
    /// </summary>
    public required string Reference { get; init; }

    /// <summary>A short description a person recognises (a message's sender and subject, a file's name).</summary>
    public required string Summary { get; init; }

    /// <summary>Why it was set aside.</summary>
    public required string Reason { get; init; }

    /// <summary>A copy of the raw input in the document store, when one was kept.</summary>
    public string? DocumentId { get; init; }

    /// <summary>When it was set aside.</summary>
    public required DateTimeOffset QuarantinedAt { get; init; }

    /// <summary>One of <see cref="QuarantineStatuses"/>.</summary>
    public string Status { get; init; } = QuarantineStatuses.Quarantined;

    /// <summary>When an operator reprocessed or discarded it, and who.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The operator who reprocessed or discarded it.</summary>
    public string? ResolvedBy { get; init; }
}

/// <summary>The states of a <see cref="QuarantinedItem"/>.</summary>
public static class QuarantineStatuses
{
    /// <summary>Waiting for an operator.</summary>
    public const string Quarantined = "quarantined";

    /// <summary>Handed back to its trigger to try again.</summary>
    public const string Reprocessed = "reprocessed";

    /// <summary>An operator decided it needs no processing.</summary>
    public const string Discarded = "discarded";
}
