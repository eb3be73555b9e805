using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Triggers;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>triggers</c>.</summary>
internal sealed class TriggerRow
{
    public const string Columns = """
        id AS Id, definition_id AS DefinitionId, version AS Version, activity_id AS ActivityId, type AS Type, trigger_key AS TriggerKey,
        settings AS Settings, paused AS Paused, updated_at AS UpdatedAt
        """;

    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public long Version { get; set; }
    public string ActivityId { get; set; } = "";
    public string Type { get; set; } = "";
    public string? TriggerKey { get; set; }
    public string Settings { get; set; } = "{}";
    public long Paused { get; set; }
    public long UpdatedAt { get; set; }

    public TriggerRegistration ToModel() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        Version = (int)Version,
        ActivityId = ActivityId,
        Type = Type,
        Key = TriggerKey,
        Settings = JsonNode.Parse(Settings)?.AsObject() ?? [],
        Paused = Paused != 0,
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
    };
}

/// <summary>A row of <c>trigger_events</c>.</summary>
internal sealed class TriggerEventRow
{
    public const string Columns = "id AS Id, trigger_id AS TriggerId, at AS At, kind AS Kind, message AS Message, instance_id AS InstanceId";

    public string Id { get; set; } = "";
    public string TriggerId { get; set; } = "";
    public long At { get; set; }
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public string? InstanceId { get; set; }

    public TriggerEvent ToModel() => new()
    {
        Id = Id, TriggerId = TriggerId, At = StoreTime.FromUnixMs(At), Kind = Kind, Message = Message, InstanceId = InstanceId,
    };
}

/// <summary>A row of <c>quarantine</c>.</summary>
internal sealed class QuarantineRow
{
    public const string Columns = """
        id AS Id, trigger_id AS TriggerId, source AS Source, reference AS Reference, summary AS Summary, reason AS Reason,
        document_id AS DocumentId, quarantined_at AS QuarantinedAt, status AS Status, resolved_at AS ResolvedAt, resolved_by AS ResolvedBy
        """;

    public string Id { get; set; } = "";
    public string TriggerId { get; set; } = "";
    public string Source { get; set; } = "";
    public string Reference { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? DocumentId { get; set; }
    public long QuarantinedAt { get; set; }
    public string Status { get; set; } = "";
    public long? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }

    public QuarantinedItem ToModel() => new()
    {
        Id = Id,
        TriggerId = TriggerId,
        Source = Source,
        Reference = Reference,
        Summary = Summary,
        Reason = Reason,
        DocumentId = DocumentId,
        QuarantinedAt = StoreTime.FromUnixMs(QuarantinedAt),
        Status = Status,
        ResolvedAt = StoreTime.FromUnixMs(ResolvedAt),
        ResolvedBy = ResolvedBy,
    };
}
