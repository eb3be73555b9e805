using Automation.Engine.Triggers;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Trigger registrations, events and the quarantine in memory (records are immutable, so they are shared safely).</summary>
public sealed class InMemoryTriggerStore : ITriggerStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TriggerRegistration> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TriggerEvent>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuarantinedItem> _quarantine = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task ReplaceAsync(string definitionId, IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        lock (_gate)
        {
            foreach (var r in registrations.Where(r => r.Key is not null))
            {
                var holder = _triggers.Values.FirstOrDefault(t => t.Type == r.Type && t.Key == r.Key && t.DefinitionId != definitionId);
                if (holder is not null) throw new TriggerKeyConflictException(r.Type, r.Key!, holder.DefinitionId);
            }
            var old = _triggers.Values.Where(t => t.DefinitionId == definitionId).ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var id in old.Keys) _triggers.Remove(id);
            foreach (var r in registrations)
                _triggers[r.Id] = Normalize(r) with { Paused = old.TryGetValue(r.Id, out var before) ? before.Paused : r.Paused, Settings = r.Settings.DeepClone().AsObject() };
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TriggerRegistration>> ListAsync(string? type = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<TriggerRegistration> list = _triggers.Values.Where(t => type is null || t.Type == type)
                .OrderBy(t => t.Id, StringComparer.Ordinal).Select(Copy).ToList();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<TriggerRegistration?> GetAsync(string triggerId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_triggers.TryGetValue(triggerId, out var t) ? Copy(t) : null);
    }

    /// <inheritdoc />
    public Task<TriggerRegistration?> FindByKeyAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_triggers.Values.Where(t => t.Type == type && t.Key == key).Select(Copy).FirstOrDefault());
    }

    /// <inheritdoc />
    public Task<bool> SetPausedAsync(string triggerId, bool paused, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_triggers.TryGetValue(triggerId, out var t)) return Task.FromResult(false);
            _triggers[triggerId] = t with { Paused = paused };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task AddEventAsync(TriggerEvent triggerEvent, int keep = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triggerEvent);
        lock (_gate)
        {
            if (!_events.TryGetValue(triggerEvent.TriggerId, out var list)) _events[triggerEvent.TriggerId] = list = [];
            list.Add(triggerEvent with { At = StoreTime.Normalize(triggerEvent.At) });
            list.Sort(NewestFirst);
            if (list.Count > keep) list.RemoveRange(keep, list.Count - keep);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TriggerEvent>> ListEventsAsync(string triggerId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<TriggerEvent> list = _events.TryGetValue(triggerId, out var events) ? events.Take(limit).ToList() : [];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task AddQuarantinedAsync(QuarantinedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (!_quarantine.TryAdd(item.Id, item with { QuarantinedAt = StoreTime.Normalize(item.QuarantinedAt), ResolvedAt = StoreTime.Normalize(item.ResolvedAt) }))
                throw new InvalidOperationException($"Quarantined item '{item.Id}' already exists.");
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QuarantinedItem>> ListQuarantinedAsync(string? status, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<QuarantinedItem> list = _quarantine.Values.Where(q => status is null || q.Status == status)
                .OrderByDescending(q => q.QuarantinedAt).ThenByDescending(q => q.Id, StringComparer.Ordinal).Take(limit).ToList();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<QuarantinedItem?> GetQuarantinedAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_quarantine.GetValueOrDefault(id));
    }

    /// <inheritdoc />
    public Task<bool> ResolveQuarantinedAsync(string id, string status, string? user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_quarantine.TryGetValue(id, out var item) || item.Status != QuarantineStatuses.Quarantined) return Task.FromResult(false);
            _quarantine[id] = item with { Status = status, ResolvedBy = user, ResolvedAt = StoreTime.Normalize(at) };
            return Task.FromResult(true);
        }
    }

    private static int NewestFirst(TriggerEvent a, TriggerEvent b)
    {
        var byTime = b.At.CompareTo(a.At);
        return byTime != 0 ? byTime : string.CompareOrdinal(b.Id, a.Id);
    }

    private static TriggerRegistration Normalize(TriggerRegistration r) => r with { UpdatedAt = StoreTime.Normalize(r.UpdatedAt) };

    private static TriggerRegistration Copy(TriggerRegistration r) => r with { Settings = r.Settings.DeepClone().AsObject() };
}
