using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Triggers;

namespace Automation.Server.Definitions;

/// <summary>
/// Publishes and deletes workflows together with their triggers, so that the API and the sample importer keep the
/// trigger registrations in step with what is published.
/// </summary>
public sealed class WorkflowPublisher(IDefinitionStore store, TriggerCatalog triggers, ILogger<WorkflowPublisher> logger)
{
    /// <summary>Publishes the newest version of a workflow and registers its trigger, if it starts with one.</summary>
    /// <returns>The published version, or null when the workflow does not exist.</returns>
    /// <exception cref="TriggerKeyConflictException">Another workflow's trigger already listens on the same key; nothing is published.</exception>
    /// <remarks>Validate the version first: publishing does not.</remarks>
    public async Task<DefinitionVersion?> PublishAsync(string definitionId, string? comment, string? user, CancellationToken cancellationToken = default)
    {
        if (await store.GetLatestAsync(definitionId, cancellationToken).ConfigureAwait(false) is not { } latest) return null;
        await triggers.CheckKeysAsync(latest, cancellationToken).ConfigureAwait(false);
        var published = await store.PublishAsync(definitionId, comment, user, cancellationToken).ConfigureAwait(false);
        if (published is null) return null;
        var registered = await triggers.RegisterAsync(published, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Published workflow {WorkflowId} version {Version} with {TriggerCount} trigger(s)", definitionId, published.Version, registered.Count);
        return published;
    }

    /// <summary>Deletes a workflow, all its versions and its triggers; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        if (!await store.DeleteAsync(definitionId, cancellationToken).ConfigureAwait(false)) return false;
        await triggers.RemoveAsync(definitionId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Deleted workflow {WorkflowId}", definitionId);
        return true;
    }
}
