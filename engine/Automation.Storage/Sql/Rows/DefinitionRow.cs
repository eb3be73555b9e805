using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>definitions</c>.</summary>
internal sealed class DefinitionRow
{
    public const string Columns = """
        id AS Id, name AS Name, description AS Description, latest_version AS LatestVersion,
        published_version AS PublishedVersion, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public long LatestVersion { get; set; }
    public long? PublishedVersion { get; set; }
    public long UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public DefinitionSummary ToSummary() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        LatestVersion = (int)LatestVersion,
        PublishedVersion = (int?)PublishedVersion,
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
        UpdatedBy = UpdatedBy,
    };
}
