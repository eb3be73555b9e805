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

    /// <summary>How many columns a row has in a select of all its columns.</summary>
    public const int ColumnCount = 10;

    /// <summary>A row selected with <see cref="Columns"/>, read by position.</summary>
    public static BookmarkRow Read(DbDataReader r) => Read(r, 0);

    /// <summary>The same, from the reader's column <paramref name="at"/> on (a row joined after others).</summary>
    public static BookmarkRow Read(DbDataReader r, int at) => new()
    {
        Id = r.GetString(at),
        InstanceId = r.GetString(at + 1),
        ActivityId = r.GetString(at + 2),
        ScopeId = r.GetString(at + 3),
        Kind = r.GetString(at + 4),
        Name = r.GetNullableString(at + 5),
        CorrelationId = r.GetNullableString(at + 6),
        DueAt = r.GetNullableInt64(at + 7),
        Data = r.GetNullableString(at + 8),
        CreatedAt = r.GetInt64(at + 9),
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
