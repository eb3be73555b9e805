namespace Automation.Engine.Queues;

/// <summary>
/// Filters for listing a queue's items (newest first, by the time they were added). Every filter given must match.
/// Time ranges include their start and exclude their end.
/// </summary>
public sealed record QueueItemQuery
{
    /// <summary>Only items in this status.</summary>
    public QueueItemStatus? Status { get; init; }

    /// <summary>Only the item with this reference.</summary>
    public string? Reference { get; init; }

    /// <summary>Only items whose reference starts with this text (case-sensitive).</summary>
    public string? ReferencePrefix { get; init; }

    /// <summary>Only items whose last failure was of this kind (an item retried after a failure keeps it).</summary>
    public QueueFailureKind? FailureKind { get; init; }

    /// <summary>Only items whose last failure had this code (e.g. <c>unknown-supplier</c>, <c>lease-expired</c>).</summary>
    public string? FailureCode { get; init; }

    /// <summary>Only items added at or after this time.</summary>
    public DateTimeOffset? AddedFrom { get; init; }

    /// <summary>Only items added before this time.</summary>
    public DateTimeOffset? AddedTo { get; init; }

    /// <summary>Only items last changed at or after this time.</summary>
    public DateTimeOffset? UpdatedFrom { get; init; }

    /// <summary>Only items last changed before this time.</summary>
    public DateTimeOffset? UpdatedTo { get; init; }

    /// <summary>True when <paramref name="item"/> passes every filter (the in-memory store's test; the SQL stores say the same in SQL).</summary>
    public bool Matches(QueueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (Status is null || item.Status == Status)
            && (Reference is null || item.Reference == Reference)
            && (ReferencePrefix is not { Length: > 0 } || (item.Reference is { } r && r.StartsWith(ReferencePrefix, StringComparison.Ordinal)))
            && (FailureKind is null || item.FailureKind == FailureKind)
            && (FailureCode is null || item.FailureCode == FailureCode)
            && (AddedFrom is null || item.CreatedAt >= AddedFrom)
            && (AddedTo is null || item.CreatedAt < AddedTo)
            && (UpdatedFrom is null || item.UpdatedAt >= UpdatedFrom)
            && (UpdatedTo is null || item.UpdatedAt < UpdatedTo);
    }
}
