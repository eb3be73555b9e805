using Automation.Engine.Model;

namespace Automation.Engine.Persistence;

/// <summary>
/// A definition store that can hand the runtime the newest published version without copying its flowchart. The
/// runtime treats a compiled flowchart as shared and read-only anyway, and on a start it only needs the version's
/// number and publish time to find the flowchart it has already compiled: the deep copy that
/// <see cref="IDefinitionStore.GetPublishedAsync"/> makes for its callers was thrown away on every start.
/// </summary>
internal interface ISharedPublishedVersions
{
    /// <summary>
    /// The same version <see cref="IDefinitionStore.GetPublishedAsync"/> returns, or null; its flowchart may be shared
    /// with the store and other callers and must not be changed.
    /// </summary>
    Task<DefinitionVersion?> GetPublishedSharedAsync(string definitionId, CancellationToken cancellationToken = default);
}
