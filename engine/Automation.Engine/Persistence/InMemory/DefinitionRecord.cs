using System.Text.Json;
using Automation.Engine.Model;
using Automation.Engine.Serialization;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>A stored definition and its versions (index = version - 1). Guarded by <see cref="InMemoryStore.Gate"/>.</summary>
internal sealed class DefinitionRecord
{
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int LatestVersion => Versions.Count;
    public int? PublishedVersion { get; set; }
    public long UpdatedMs { get; set; }
    public string? UpdatedBy { get; set; }
    public List<VersionRecord> Versions { get; } = [];

    /// <summary>The list entry of the definition.</summary>
    public DefinitionSummary ToSummary() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        LatestVersion = LatestVersion,
        PublishedVersion = PublishedVersion,
        UpdatedAt = StoreTime.FromUnixMs(UpdatedMs),
        UpdatedBy = UpdatedBy,
    };
}

/// <summary>One stored version; immutable, replaced on change so that it can be read outside the lock.</summary>
internal sealed record VersionRecord
{
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public bool IsPublished { get; init; }
    public required byte[] Json { get; init; }
    public long CreatedMs { get; init; }
    public long UpdatedMs { get; init; }
    public string? UpdatedBy { get; init; }
    public long? PublishedMs { get; init; }
    public string? Comment { get; init; }

    /// <summary>A fresh model object (its flowchart deserialized anew, so callers never share stored state).</summary>
    public DefinitionVersion ToModel() => new()
    {
        DefinitionId = DefinitionId,
        Version = Version,
        IsPublished = IsPublished,
        Definition = JsonSerializer.Deserialize<WorkflowDefinition>(Json, EngineJson.Options)!,
        CreatedAt = StoreTime.FromUnixMs(CreatedMs),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedMs),
        UpdatedBy = UpdatedBy,
        PublishedAt = StoreTime.FromUnixMs(PublishedMs),
        Comment = Comment,
    };
}
