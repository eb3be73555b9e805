namespace Automation.Engine.Triggers;

/// <summary>Stores trigger registrations, their recent events and the quarantine.</summary>
public interface ITriggerStore
{
    /// <summary>
    /// Makes <paramref name="registrations"/> the triggers of <paramref name="definitionId"/>: others of that workflow are
    /// removed, existing ones keep their <see cref="TriggerRegistration.Paused"/> flag. Done in one transaction.
    /// </summary>
    /// <exception cref="TriggerKeyConflictException">Another workflow's trigger of the same type already uses one of the keys.</exception>
    Task ReplaceAsync(string definitionId, IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken = default);

    /// <summary>Every registration, or those of one type, ordered by id.</summary>
    Task<IReadOnlyList<TriggerRegistration>> ListAsync(string? type = null, CancellationToken cancellationToken = default);

    /// <summary>One registration, or null.</summary>
    Task<TriggerRegistration?> GetAsync(string triggerId, CancellationToken cancellationToken = default);

    /// <summary>The registration of <paramref name="type"/> listening on <paramref name="key"/>, or null.</summary>
    Task<TriggerRegistration?> FindByKeyAsync(string type, string key, CancellationToken cancellationToken = default);

    /// <summary>Pauses or resumes a trigger; false when it does not exist.</summary>
    Task<bool> SetPausedAsync(string triggerId, bool paused, CancellationToken cancellationToken = default);

    /// <summary>Records an event, keeping the newest <paramref name="keep"/> of the trigger.</summary>
    Task AddEventAsync(TriggerEvent triggerEvent, int keep = 100, CancellationToken cancellationToken = default);

    /// <summary>A trigger's newest events first.</summary>
    Task<IReadOnlyList<TriggerEvent>> ListEventsAsync(string triggerId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Sets an input aside.</summary>
    Task AddQuarantinedAsync(QuarantinedItem item, CancellationToken cancellationToken = default);

    /// <summary>Quarantined items, newest first; only those in <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<QuarantinedItem>> ListQuarantinedAsync(string? status, int limit, CancellationToken cancellationToken = default);

    /// <summary>One quarantined item, or null.</summary>
    Task<QuarantinedItem?> GetQuarantinedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an item still in <see cref="QuarantineStatuses.Quarantined"/> to <paramref name="status"/>; false when it does not
    /// exist or was already resolved (so two operators never both reprocess it).
    /// </summary>
    Task<bool> ResolveQuarantinedAsync(string id, string status, string? user, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>Two workflows' triggers of one type claim the same key (for example the same hook path).</summary>
public sealed class TriggerKeyConflictException(string type, string key, string otherDefinitionId)
    : Exception($"The {type} trigger key '{key}' is already used by workflow '{otherDefinitionId}'.")
{
    /// <summary>The trigger type.</summary>
    public string Type { get; } = type;

    /// <summary>The contested key.</summary>
    public string Key { get; } = key;

    /// <summary>The workflow that holds it.</summary>
    public string OtherDefinitionId { get; } = otherDefinitionId;
}
