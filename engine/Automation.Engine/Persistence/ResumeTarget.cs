using Automation.Engine.Model;

namespace Automation.Engine.Persistence;

/// <summary>
/// What resuming a bookmark needs, read together by <see cref="IInstanceStore.GetResumeTargetAsync"/>: the bookmark,
/// its instance with full state, and the definition version that instance runs.
/// </summary>
/// <param name="Bookmark">The open bookmark.</param>
/// <param name="Instance">Its instance, as <see cref="IInstanceStore.GetAsync"/> returns it.</param>
/// <param name="Version">The definition version the instance runs, as <see cref="IDefinitionStore.GetVersionAsync"/>
/// returns it; null when that version no longer exists (its workflow was deleted).</param>
public sealed record ResumeTarget(Bookmark Bookmark, WorkflowInstance Instance, DefinitionVersion? Version);
