namespace Automation.Engine.Model;

/// <summary>
/// One numbered version of a definition. Versions count up from 1; the newest may be an unpublished
/// draft. Instances always run the version they started on.
/// </summary>
public sealed record DefinitionVersion
{
    /// <summary>The definition this version belongs to.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>Version number, 1..N.</summary>
    public required int Version { get; init; }

    /// <summary>Whether the version has been published (published versions are immutable).</summary>
    public bool IsPublished { get; init; }

    /// <summary>The flowchart itself.</summary>
    public required WorkflowDefinition Definition { get; init; }

    /// <summary>When the version was created (first saved).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last saved it.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>When it was published, if it was.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>
    /// Who published it: the user of the API key that called publish, which may differ from <see cref="UpdatedBy"/>.
    /// Null while it is a draft, and for versions published before the publisher was recorded.
    /// </summary>
    public string? PublishedBy { get; init; }

    /// <summary>The comment given when it was published.</summary>
    public string? Comment { get; init; }
}

/// <summary>The list entry of a definition: its newest version and its published one.</summary>
public sealed record DefinitionSummary
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public int LatestVersion { get; init; }
    public int? PublishedVersion { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
}
