using System.Data.Common;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>bookmarks</c>.</summary>
internal sealed class BookmarkRow
{
    public const string Columns = """
        id AS Id, instance_id AS InstanceId, activity_id AS ActivityId, scope_id AS ScopeId, kind AS Kind, name AS Name,
        correlation_id AS CorrelationId, due_at AS DueAt, data AS Data, created_at AS CreatedAt
        """;

    /// <summary>A row selected with <see cref="Columns"/>, read by position.</summary>
    public static BookmarkRow Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        InstanceId = r.GetString(1),
        ActivityId = r.GetString(2),
        ScopeId = r.GetString(3),
        Kind = r.GetString(4),
        Name = r.GetNullableString(5),
        CorrelationId = r.GetNullableString(6),
        DueAt = r.GetNullableInt64(7),
        Data = r.GetNullableString(8),
        CreatedAt = r.GetInt64(9),
    };

    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ScopeId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Name { get; set; }
    public string? CorrelationId { get; set; }
    public long? DueAt { get; set; }
    public string? Data { get; set; }
    public long CreatedAt { get; set; }

    public Bookmark ToModel() => new()
    {
        Id = Id,
        InstanceId = InstanceId,
        ActivityId = ActivityId,
        ScopeId = ScopeId,
        Kind = Kind,
        Name = Name,
        CorrelationId = CorrelationId,
        DueAt = StoreTime.FromUnixMs(DueAt),
        Data = StoredJson.ReadObject(Data),
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
    };
}
