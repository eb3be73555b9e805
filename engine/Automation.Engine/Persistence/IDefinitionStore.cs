using Automation.Engine.Model;

namespace Automation.Engine.Persistence;

/// <summary>Stores workflow definitions and their numbered versions.</summary>
/// <remarks>
/// Versioning: saving a definition whose newest version is a draft overwrites that draft; saving one whose
/// newest version is published creates draft N+1. Publishing marks the newest version published.
/// Lookups of the published version must not slow down as versions pile up (index on id and version).
/// </remarks>
public interface IDefinitionStore
{
    /// <summary>Saves <paramref name="definition"/> as the draft (creating version 1, overwriting the draft, or opening N+1).</summary>
    /// <returns>The saved draft version.</returns>
    Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, string? user, CancellationToken cancellationToken = default);

    /// <summary>Publishes the newest version. Returns null when the definition does not exist.</summary>
    /// <remarks>Publishing a definition whose newest version is already published returns that version unchanged.</remarks>
    Task<DefinitionVersion?> PublishAsync(string definitionId, string? comment, string? user, CancellationToken cancellationToken = default);

    /// <summary>The newest version (draft or published), or null.</summary>
    Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The newest published version, or null when none is published.</summary>
    Task<DefinitionVersion?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>A given version, or null.</summary>
    Task<DefinitionVersion?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>All versions of a definition, newest first, without their flowcharts' bodies loaded lazily (full objects).</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Definitions whose id or name contains <paramref name="search"/> (case-insensitive), ordered by name.</summary>
    Task<IReadOnlyList<DefinitionSummary>> ListAsync(string? search, CancellationToken cancellationToken = default);

    /// <summary>Deletes a definition and all its versions. Returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>True when the store holds no definition at all (used to decide whether to import samples).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);
}
