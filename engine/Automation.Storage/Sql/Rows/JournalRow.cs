using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>journal</c>.</summary>
internal sealed class JournalRow
{
    public const string Columns = """
        instance_id AS InstanceId, sequence AS Sequence, timestamp AS Timestamp, kind AS Kind, activity_id AS ActivityId,
        activity_type AS ActivityType, scope_id AS ScopeId, outcome AS Outcome, duration_ms AS DurationMs,
        message AS Message, data AS Data
        """;

    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public long Timestamp { get; set; }
    public string Kind { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? ScopeId { get; set; }
    public string? Outcome { get; set; }
    public double? DurationMs { get; set; }
    public string? Message { get; set; }
    public string? Data { get; set; }

    public JournalEntry ToModel() => new()
    {
        InstanceId = InstanceId,
        Sequence = Sequence,
        Timestamp = StoreTime.FromUnixMs(Timestamp),
        Kind = Enum.Parse<JournalEventKind>(Kind),
        ActivityId = ActivityId,
        ActivityType = ActivityType,
        ScopeId = ScopeId,
        Outcome = Outcome,
        DurationMs = DurationMs,
        Message = Message,
        Data = StoredJson.ReadObject(Data),
    };
}
