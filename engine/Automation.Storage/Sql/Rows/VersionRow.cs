using System.Data.Common;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>definition_versions</c>.</summary>
internal sealed class VersionRow
{
    /// <summary>The columns, qualified by the alias <c>v</c>.</summary>
    public const string Columns = """
        v.definition_id AS DefinitionId, v.version AS Version, v.is_published AS IsPublished, v.json AS Json,
        v.created_at AS CreatedAt, v.updated_at AS UpdatedAt, v.updated_by AS UpdatedBy, v.published_at AS PublishedAt,
        v.comment AS Comment, v.published_by AS PublishedBy
        """;

    /// <summary>How many columns a row has in a select of all its columns.</summary>
    public const int ColumnCount = 10;

    /// <summary>A row selected with <see cref="Columns"/>, read by position.</summary>
    public static VersionRow Read(DbDataReader r) => Read(r, 0);

    /// <summary>The same, from the reader's column <paramref name="at"/> on (a row joined after others).</summary>
    public static VersionRow Read(DbDataReader r, int at) => new()
    {
        DefinitionId = r.GetString(at),
        Version = r.GetInt64(at + 1),
        IsPublished = r.GetInt64(at + 2),
        Json = r.GetString(at + 3),
        CreatedAt = r.GetInt64(at + 4),
        UpdatedAt = r.GetInt64(at + 5),
        UpdatedBy = r.GetNullableString(at + 6),
        PublishedAt = r.GetNullableInt64(at + 7),
        Comment = r.GetNullableString(at + 8),
        PublishedBy = r.GetNullableString(at + 9),
    };

    public string DefinitionId { get; set; } = "";
    public long Version { get; set; }
    public long IsPublished { get; set; }
    public string Json { get; set; } = "";
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public long? PublishedAt { get; set; }
    public string? Comment { get; set; }
    public string? PublishedBy { get; set; }

    public DefinitionVersion ToModel() => new()
    {
        DefinitionId = DefinitionId,
        Version = (int)Version,
        IsPublished = IsPublished != 0,
        Definition = ParsedDefinitions.Parse(Json),
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
        UpdatedBy = UpdatedBy,
        PublishedAt = StoreTime.FromUnixMs(PublishedAt),
        PublishedBy = PublishedBy,
        Comment = Comment,
    };
}
