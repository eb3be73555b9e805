using System.Data.Common;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>instances</c> (lists select only <see cref="SummaryColumns"/>).</summary>
internal sealed class InstanceRow
{
    public const string SummaryColumns = """
        id AS Id, definition_id AS DefinitionId, definition_version AS DefinitionVersion, status AS Status,
        correlation_id AS CorrelationId, parent_instance_id AS ParentInstanceId, created_at AS CreatedAt,
        updated_at AS UpdatedAt, finished_at AS FinishedAt, fault_message AS FaultMessage
        """;

    public const string AllColumns = SummaryColumns + """
        , parent_bookmark_id AS ParentBookmarkId, version AS Version, input AS Input, output AS Output, state AS State
        """;

    /// <summary>How many columns a row has in a select of all its columns.</summary>
    public const int ColumnCount = 15;

    /// <summary>A row selected with <see cref="AllColumns"/>, read by position.</summary>
    public static InstanceRow Read(DbDataReader r) => Read(r, 0);

    /// <summary>The same, from the reader's column <paramref name="at"/> on (a row joined after others).</summary>
    public static InstanceRow Read(DbDataReader r, int at) => new()
    {
        Id = r.GetString(at),
        DefinitionId = r.GetString(at + 1),
        DefinitionVersion = r.GetInt64(at + 2),
        Status = r.GetString(at + 3),
        CorrelationId = r.GetNullableString(at + 4),
        ParentInstanceId = r.GetNullableString(at + 5),
        CreatedAt = r.GetInt64(at + 6),
        UpdatedAt = r.GetInt64(at + 7),
        FinishedAt = r.GetNullableInt64(at + 8),
        FaultMessage = r.GetNullableString(at + 9),
        ParentBookmarkId = r.GetNullableString(at + 10),
        Version = r.GetInt64(at + 11),
        Input = r.GetString(at + 12),
        Output = r.GetNullableString(at + 13),
        State = r.GetString(at + 14),
    };

    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public long DefinitionVersion { get; set; }
    public string Status { get; set; } = "";
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public string? ParentBookmarkId { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long? FinishedAt { get; set; }
    public string? FaultMessage { get; set; }
    public long Version { get; set; }
    public string Input { get; set; } = "{}";
    public string? Output { get; set; }
    public string State { get; set; } = "{}";

    public InstanceSummary ToSummary() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersion = (int)DefinitionVersion,
        Status = Enum.Parse<WorkflowStatus>(Status),
        CorrelationId = CorrelationId,
        ParentInstanceId = ParentInstanceId,
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
        FinishedAt = StoreTime.FromUnixMs(FinishedAt),
        FaultMessage = FaultMessage,
    };

    public WorkflowInstance ToInstance() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersion = (int)DefinitionVersion,
        Status = Enum.Parse<WorkflowStatus>(Status),
        CorrelationId = CorrelationId,
        ParentInstanceId = ParentInstanceId,
        ParentBookmarkId = ParentBookmarkId,
        Input = StoredJson.ReadObject(Input) ?? [],
        Output = StoredJson.ReadObject(Output),
        FaultMessage = FaultMessage,
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
        FinishedAt = StoreTime.FromUnixMs(FinishedAt),
        Version = Version,
        State = StoredJson.Read<ExecutionState>(State),
    };
}
