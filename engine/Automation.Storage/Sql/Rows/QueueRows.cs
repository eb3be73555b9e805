using Automation.Engine.Persistence;
using Automation.Engine.Queues;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>work_queues</c>.</summary>
internal sealed class WorkQueueRow
{
    public const string Columns = """
        name AS Name, description AS Description, duplicate_policy AS DuplicatePolicy, max_attempts AS MaxAttempts,
        abandon_after_ms AS AbandonAfterMs, lease_ms AS LeaseMs, data_schema AS DataSchema, default_sla_ms AS DefaultSlaMs,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string DuplicatePolicy { get; set; } = "";
    public long MaxAttempts { get; set; }
    public long AbandonAfterMs { get; set; }
    public long LeaseMs { get; set; }
    public string? DataSchema { get; set; }
    public long? DefaultSlaMs { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public WorkQueue ToModel() => new()
    {
        Name = Name,
        Description = Description,
        DuplicatePolicy = Enum.Parse<DuplicateReferencePolicy>(DuplicatePolicy),
        MaxAttempts = (int)MaxAttempts,
        AbandonAfter = TimeSpan.FromMilliseconds(AbandonAfterMs),
        LeaseDuration = TimeSpan.FromMilliseconds(LeaseMs),
        DataSchema = StoredJson.ReadObject(DataSchema),
        DefaultSla = DefaultSlaMs is { } sla ? TimeSpan.FromMilliseconds(sla) : null,
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
    };
}

/// <summary>A row of <c>queue_items</c>.</summary>
internal sealed class QueueItemRow
{
    public const string Columns = """
        id AS Id, queue AS Queue, reference AS Reference, priority AS Priority, deadline AS Deadline, postpone_until AS PostponeUntil,
        data AS Data, status AS Status, failure_kind AS FailureKind, failure_reason AS FailureReason, failure_code AS FailureCode, attempts AS Attempts, output AS Output,
        held_by AS HeldBy, lease_until AS LeaseUntil, created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt,
        updated_at AS UpdatedAt, version AS Version
        """;

    public string Id { get; set; } = "";
    public string Queue { get; set; } = "";
    public string? Reference { get; set; }
    public long Priority { get; set; }
    public long? Deadline { get; set; }
    public long? PostponeUntil { get; set; }
    public string Data { get; set; } = "{}";
    public string Status { get; set; } = "";
    public string? FailureKind { get; set; }
    public string? FailureReason { get; set; }
    public string? FailureCode { get; set; }
    public long Attempts { get; set; }
    public string? Output { get; set; }
    public string? HeldBy { get; set; }
    public long? LeaseUntil { get; set; }
    public long CreatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? CompletedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long Version { get; set; }

    public QueueItem ToModel() => new()
    {
        Id = Id,
        Queue = Queue,
        Reference = Reference,
        Priority = (QueueItemPriority)Priority,
        Deadline = StoreTime.FromUnixMs(Deadline),
        PostponeUntil = StoreTime.FromUnixMs(PostponeUntil),
        Data = StoredJson.ReadObject(Data) ?? [],
        Status = Enum.Parse<QueueItemStatus>(Status),
        FailureKind = FailureKind is null ? null : Enum.Parse<QueueFailureKind>(FailureKind),
        FailureReason = FailureReason,
        FailureCode = FailureCode,
        Attempts = (int)Attempts,
        Output = StoredJson.ReadObject(Output),
        HeldBy = HeldBy,
        LeaseUntil = StoreTime.FromUnixMs(LeaseUntil),
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        StartedAt = StoreTime.FromUnixMs(StartedAt),
        CompletedAt = StoreTime.FromUnixMs(CompletedAt),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
        Version = (int)Version,
    };

    /// <summary>The parameters of an insert or update of <paramref name="item"/>.</summary>
    public static object Parameters(QueueItem item) => new
    {
        item.Id, item.Queue, item.Reference, Priority = (int)item.Priority, Deadline = StoreTime.ToUnixMs(item.Deadline),
        DeadlineGroup = item.Deadline is null ? 1 : 0, PostponeUntil = StoreTime.ToUnixMs(item.PostponeUntil), Data = StoredJson.WriteObject(item.Data),
        Status = item.Status.ToString(), FailureKind = item.FailureKind?.ToString(), item.FailureReason, item.FailureCode, item.Attempts,
        Output = StoredJson.WriteObject(item.Output), item.HeldBy, LeaseUntil = StoreTime.ToUnixMs(item.LeaseUntil),
        CreatedAt = StoreTime.ToUnixMs(item.CreatedAt), StartedAt = StoreTime.ToUnixMs(item.StartedAt),
        CompletedAt = StoreTime.ToUnixMs(item.CompletedAt), UpdatedAt = StoreTime.ToUnixMs(item.UpdatedAt), item.Version,
    };
}

/// <summary>A row of <c>queue_item_events</c>.</summary>
internal sealed class QueueItemEventRow
{
    public const string Columns = "item_id AS ItemId, sequence AS Sequence, at AS At, action AS Action, status AS Status, actor AS Actor, message AS Message, failure_kind AS FailureKind, failure_code AS FailureCode";

    public string ItemId { get; set; } = "";
    public long Sequence { get; set; }
    public long At { get; set; }
    public string Action { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Actor { get; set; }
    public string? Message { get; set; }
    public string? FailureKind { get; set; }
    public string? FailureCode { get; set; }

    public QueueItemEvent ToModel() => new(ItemId, (int)Sequence, StoreTime.FromUnixMs(At), Action, Enum.Parse<QueueItemStatus>(Status), Actor, Message,
        FailureKind is null ? null : Enum.Parse<QueueFailureKind>(FailureKind), FailureCode);

    public static object Parameters(QueueItemEvent e) => new
    {
        e.ItemId, e.Sequence, At = StoreTime.ToUnixMs(e.At), e.Action, Status = e.Status.ToString(), e.Actor, e.Message,
        FailureKind = e.FailureKind?.ToString(), e.FailureCode,
    };
}
