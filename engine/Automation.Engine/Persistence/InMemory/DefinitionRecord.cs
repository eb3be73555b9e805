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
    public string? PublishedBy { get; init; }
    public string? Comment { get; init; }

    /// <summary>
    /// The flowchart deserialized once from <see cref="Json"/>; never handed out, only copied. Keyed by the JSON array
    /// it was read from, because <c>with</c> copies this field into records whose <see cref="Json"/> changed.
    /// </summary>
    private ParsedDefinition? _parsed;

    /// <summary>A fresh model object (a deep copy of the flowchart, so callers never share stored state).</summary>
    /// <remarks>
    /// Copying the parsed flowchart costs a fraction of deserializing it again: parsing each activity input into a
    /// <see cref="System.Text.Json.Nodes.JsonNode"/> dominated the in-memory start of an instance.
    /// </remarks>
    public DefinitionVersion ToModel() => ToModel(ModelCopies.Copy(Parsed()));

    /// <summary>The version with the stored parsed flowchart itself, for a caller that only reads it (<see cref="ISharedPublishedVersions"/>).</summary>
    public DefinitionVersion ToSharedModel() => ToModel(Parsed());

    private DefinitionVersion ToModel(WorkflowDefinition definition) => new()
    {
        DefinitionId = DefinitionId,
        Version = Version,
        IsPublished = IsPublished,
        Definition = definition,
        CreatedAt = StoreTime.FromUnixMs(CreatedMs),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedMs),
        UpdatedBy = UpdatedBy,
        PublishedAt = StoreTime.FromUnixMs(PublishedMs),
        PublishedBy = PublishedBy,
        Comment = Comment,
    };

    private WorkflowDefinition Parsed()
    {
        var parsed = _parsed;
        if (parsed is null || !ReferenceEquals(parsed.Json, Json))
            _parsed = parsed = new ParsedDefinition(Json, JsonSerializer.Deserialize<WorkflowDefinition>(Json, EngineJson.Options)!);
        return parsed.Definition;
    }

    private sealed record ParsedDefinition(byte[] Json, WorkflowDefinition Definition);
}
