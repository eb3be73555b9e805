using System.Text.Json.Nodes;
using Automation.Engine.Queues;

namespace Automation.Server.Api;

/// <summary>A queue's settings as the API takes them (durations in whole units, so that JSON stays plain numbers).</summary>
/// <param name="Description">What the queue is for.</param>
/// <param name="DuplicatePolicy">What a duplicate reference does: reject (default) or ignore.</param>
/// <param name="MaxAttempts">How many times an item may be taken before a system exception fails it (default 3).</param>
/// <param name="LeaseSeconds">How long a take or heartbeat holds an item (default 300).</param>
/// <param name="AbandonAfterMinutes">How long an item may stay in progress before it is abandoned (default 1440).</param>
/// <param name="SlaMinutes">The deadline given to items added without one, in minutes after they are added; null for none.</param>
/// <param name="DataSchema">A JSON Schema every item's data must match; null for none.</param>
public sealed record QueueSettingsBody(
    string? Description = null,
    DuplicateReferencePolicy? DuplicatePolicy = null,
    int? MaxAttempts = null,
    int? LeaseSeconds = null,
    int? AbandonAfterMinutes = null,
    int? SlaMinutes = null,
    JsonObject? DataSchema = null)
{
    /// <summary>The queue these settings describe.</summary>
    public WorkQueue ToQueue(string name) => new()
    {
        Name = name,
        Description = Description,
        DuplicatePolicy = DuplicatePolicy ?? DuplicateReferencePolicy.Reject,
        MaxAttempts = MaxAttempts ?? 3,
        LeaseDuration = TimeSpan.FromSeconds(LeaseSeconds ?? 300),
        AbandonAfter = TimeSpan.FromMinutes(AbandonAfterMinutes ?? 1440),
        DefaultSla = SlaMinutes is { } sla ? TimeSpan.FromMinutes(sla) : null,
        DataSchema = DataSchema,
    };
}

/// <summary>A queue as the API shows it.</summary>
public sealed record QueueView(
    string Name, string? Description, DuplicateReferencePolicy DuplicatePolicy, int MaxAttempts, int LeaseSeconds, int AbandonAfterMinutes,
    int? SlaMinutes, JsonObject? DataSchema, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The view of <paramref name="q"/>.</summary>
    public static QueueView Of(WorkQueue q) => new(q.Name, q.Description, q.DuplicatePolicy, q.MaxAttempts, (int)q.LeaseDuration.TotalSeconds,
        (int)q.AbandonAfter.TotalMinutes, q.DefaultSla is { } sla ? (int)sla.TotalMinutes : null, q.DataSchema, q.CreatedAt, q.UpdatedAt);
}

/// <summary>An item with its history, oldest step first, and the evidence of its failed attempts (screenshots, traces).</summary>
public sealed record QueueItemDetail(QueueItem Item, IReadOnlyList<QueueItemEvent> History, IReadOnlyList<QueueItemEvidenceView> Evidence);

/// <summary>What a bot sends when it completes an item.</summary>
/// <param name="Output">What it produced (for example the finance system's document number).</param>
public sealed record CompleteItemBody(JsonObject? Output = null);

/// <summary>What a bot sends when an item fails.</summary>
/// <param name="Kind">business (bad data: never retried) or system (retried up to the queue's maximum).</param>
/// <param name="Reason">Why, in words an operator understands.</param>
/// <param name="Code">A short code for the reason (for example <c>unknown-supplier</c>), to count failures by reason; optional.</param>
public sealed record FailItemBody(QueueFailureKind? Kind, string? Reason, string? Code = null);

/// <summary>A queue's statistics as the API shows them.</summary>
public sealed record QueueStatisticsView(
    string Queue, IReadOnlyDictionary<QueueItemStatus, int> Counts, int WindowHours, int Finished, double ThroughputPerHour,
    double? AverageHandlingSeconds, int SlaBreaches, IReadOnlyList<FailureReasonView> FailuresByReason)
{
    /// <summary>The view of <paramref name="s"/> with the window's failed attempts by reason.</summary>
    public static QueueStatisticsView Of(QueueStatistics s, IReadOnlyList<FailureReasonView> failuresByReason) => new(s.Queue, s.Counts,
        (int)s.Window.TotalHours, s.Finished, s.ThroughputPerHour, s.AverageHandlingTime?.TotalSeconds, s.SlaBreaches, failuresByReason);
}
