using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;
using Automation.Engine.Validation;

namespace Automation.Engine.Triggers;

/// <summary>
/// Keeps the store's trigger registrations in step with what is published: a publish registers the version's trigger
/// activities (replacing the workflow's earlier ones), a delete removes them. The trigger hosts on every node then
/// pick the change up (at once on this node, through <see cref="TriggerChanges"/>; within their refresh interval on others).
/// </summary>
public sealed class TriggerCatalog(ITriggerStore store, ActivityRegistry registry, TriggerChanges changes, TimeProvider clock)
{
    /// <summary>Registers the trigger activities of <paramref name="published"/>, replacing the workflow's earlier registrations.</summary>
    /// <returns>The registrations now in force for the workflow (empty when it starts at a Start activity).</returns>
    /// <exception cref="TriggerKeyConflictException">Another workflow's trigger already listens on the same key.</exception>
    public async Task<IReadOnlyList<TriggerRegistration>> RegisterAsync(DefinitionVersion published, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        var registrations = Read(published);
        await store.ReplaceAsync(published.DefinitionId, registrations, cancellationToken).ConfigureAwait(false);
        changes.Notify();
        return registrations;
    }

    /// <summary>Checks, before publishing <paramref name="version"/>, that no other workflow's trigger listens on one of its keys.</summary>
    /// <exception cref="TriggerKeyConflictException">One does.</exception>
    public async Task CheckKeysAsync(DefinitionVersion version, CancellationToken cancellationToken = default)
    {
        foreach (var registration in Read(version).Where(r => r.Key is not null))
        {
            if (await store.FindByKeyAsync(registration.Type, registration.Key!, cancellationToken).ConfigureAwait(false) is { } holder
                && holder.DefinitionId != version.DefinitionId)
                throw new TriggerKeyConflictException(registration.Type, registration.Key!, holder.DefinitionId);
        }
    }

    /// <summary>Pauses or resumes a trigger; false when it does not exist.</summary>
    public async Task<bool> SetPausedAsync(string triggerId, bool paused, CancellationToken cancellationToken = default)
    {
        if (!await store.SetPausedAsync(triggerId, paused, cancellationToken).ConfigureAwait(false)) return false;
        changes.Notify();
        return true;
    }

    /// <summary>Removes every trigger of a workflow (it was deleted).</summary>
    public async Task RemoveAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await store.ReplaceAsync(definitionId, [], cancellationToken).ConfigureAwait(false);
        changes.Notify();
    }

    /// <summary>The registrations a version's trigger activities make, without storing them.</summary>
    /// <exception cref="FormatException">A trigger's setting has the wrong type (a version that passed validation has none).</exception>
    public IReadOnlyList<TriggerRegistration> Read(DefinitionVersion version)
    {
        var now = clock.GetUtcNow();
        var result = new List<TriggerRegistration>();
        foreach (var node in version.Definition.Activities)
        {
            if (!registry.TryGet(node.Type, out var type) || !WorkflowValidator.IsEntry(node, type) || !type.Descriptor.IsTrigger) continue;
            var settings = TriggerSettings.Read(node, type);
            result.Add(new TriggerRegistration
            {
                Id = TriggerRegistration.IdOf(version.DefinitionId, node.Id),
                DefinitionId = version.DefinitionId,
                Version = version.Version,
                ActivityId = node.Id,
                Type = node.Type,
                Key = TriggerSettings.Bind(type, settings).TriggerKey,
                Settings = settings,
                UpdatedAt = now,
            });
        }
        return result;
    }
}
