using System.Text.Json.Nodes;
using Automation.Engine.Queues;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Work queues in memory: one lock around everything (items are immutable records, so they are handed out safely).</summary>
public sealed class InMemoryWorkQueueStore : IWorkQueueStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, WorkQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueueItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<QueueItemEvent>> _history = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<WorkQueue> SaveQueueAsync(WorkQueue queue, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        WorkQueueChecks.CheckQueue(queue);
        lock (_gate)
        {
            var created = _queues.TryGetValue(queue.Name, out var old) ? old.CreatedAt : StoreTime.Normalize(now);
            var saved = queue with { CreatedAt = created, UpdatedAt = StoreTime.Normalize(now), DataSchema = (JsonObject?)queue.DataSchema?.DeepClone() };
            _queues[queue.Name] = saved;
            return Task.FromResult(saved);
        }
    }

    /// <inheritdoc />
    public Task<WorkQueue?> GetQueueAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_queues.GetValueOrDefault(name));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkQueue>> ListQueuesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<WorkQueue>>(_queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal).ToList());
    }

    /// <inheritdoc />
    public Task<AddItemsResult> AddItemsAsync(string queue, IReadOnlyList<NewQueueItem> items, string? actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var q = _queues.GetValueOrDefault(queue) ?? throw new WorkQueueNotFoundException(queue);
            var errors = WorkQueueChecks.CheckItems(q, items);
            if (errors.Count > 0) throw new QueueItemDataInvalidException(queue, errors);
            var held = _items.Values.Where(i => i.Queue == queue && i.Reference is not null && i.Status != QueueItemStatus.Deleted)
                .Select(i => i.Reference!).ToHashSet(StringComparer.Ordinal);
            var duplicates = items.Where(i => i.Reference is not null && held.Contains(i.Reference)).Select(i => i.Reference!)
                .Concat(WorkQueueChecks.RepeatedReferences(items)).Distinct(StringComparer.Ordinal).ToList();
            if (duplicates.Count > 0 && q.DuplicatePolicy == DuplicateReferencePolicy.Reject) throw new DuplicateQueueItemException(queue, duplicates);

            var added = new List<QueueItem>();
            var ignored = new List<string>();
            foreach (var item in items)
            {
                if (item.Reference is not null && !held.Add(item.Reference))
                {
                    ignored.Add(item.Reference);
                    continue;
                }

                var (created, e) = QueueItemTransitions.Add(q, item, Guid.NewGuid().ToString("N"), actor, now);
                _items[created.Id] = created;
                _history[created.Id] = [e];
                added.Add(created);
            }

            return Task.FromResult(new AddItemsResult(added, ignored));
        }
    }

    /// <inheritdoc />
    public Task<QueueItem?> TakeNextAsync(string queue, string bot, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(queue, out var q)) return Task.FromResult<QueueItem?>(null);
            var next = _items.Values.Where(i => i.Queue == queue && QueueItemTransitions.IsTakeable(i, now))
                .OrderBy(i => i.Deadline is null ? 1 : 0).ThenBy(i => i.Priority).ThenBy(i => i.Deadline).ThenBy(i => i.CreatedAt)
                .ThenBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault();
            return Task.FromResult(next is null ? null : Apply(next, q, QueueItemTransitions.Take(bot, now))?.Item);
        }
    }

    /// <inheritdoc />
    public Task<QueueItemChange?> HeartbeatAsync(string itemId, string bot, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Heartbeat(bot, now));

    /// <inheritdoc />
    public Task<QueueItemChange?> CompleteAsync(string itemId, string bot, JsonObject? output, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Complete(bot, output, now));

    /// <inheritdoc />
    public Task<QueueItemChange?> FailAsync(string itemId, string bot, QueueFailureKind kind, string reason, string? code, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Fail(bot, kind, reason, now, code));

    /// <inheritdoc />
    public Task<QueueItemChange?> ReleaseAsync(string itemId, string bot, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Release(bot, now));

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueItem>> ExpireLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyToAll(QueueItemTransitions.ExpireLease(now));

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueItem>> AbandonStaleAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyToAll(QueueItemTransitions.AbandonStale(now));

    /// <inheritdoc />
    public Task<QueueItemChange?> RetryAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Retry(actor, now));

    /// <inheritdoc />
    public Task<QueueItemChange?> AbandonAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Abandon(actor, now));

    /// <inheritdoc />
    public Task<QueueItemChange?> DeleteAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Change(itemId, QueueItemTransitions.Delete(actor, now));

    /// <inheritdoc />
    public Task<QueueItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_items.GetValueOrDefault(itemId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueItemEvent>> GetHistoryAsync(string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<QueueItemEvent>>(_history.TryGetValue(itemId, out var h) ? h.ToList() : []);
    }

    /// <inheritdoc />
    public Task<Page<QueueItem>> ListItemsAsync(string queue, QueueItemQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = KeysetCursor.Decode(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        lock (_gate)
        {
            var matches = _items.Values
                .Where(i => i.Queue == queue && query.Matches(i))
                .Where(i => after is not { } c || c.IsBefore(StoreTime.ToUnixMs(i.CreatedAt), i.Id))
                .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal)
                .Take(size + 1).ToList();
            if (matches.Count <= size) return Task.FromResult(new Page<QueueItem>(matches, null));
            matches.RemoveAt(size);
            var last = matches[^1];
            return Task.FromResult(new Page<QueueItem>(matches, new KeysetCursor(StoreTime.ToUnixMs(last.CreatedAt), last.Id).Encode()));
        }
    }

    /// <inheritdoc />
    public Task<QueueStatistics> GetStatisticsAsync(string queue, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var items = _items.Values.Where(i => i.Queue == queue).ToList();
            var since = now - window;
            var finished = items.Where(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed && i.CompletedAt >= since).ToList();
            var handled = finished.Where(i => i.Status == QueueItemStatus.Successful && i.StartedAt is not null)
                .Select(i => (i.CompletedAt!.Value - i.StartedAt!.Value).TotalMilliseconds).ToList();
            var breaches = items.Count(i => i.Status != QueueItemStatus.Deleted && i.Deadline is { } d
                && (i.CompletedAt is { } c ? c > d : d < now));
            return Task.FromResult(QueueStatisticsMath.Build(queue, items.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count()), window,
                finished.Count, handled.Count == 0 ? null : handled.Average(), breaches));
        }
    }

    /// <summary>Every item's queue and history (for the bot registry's activity counts over the same memory).</summary>
    internal IReadOnlyList<(string Queue, IReadOnlyList<QueueItemEvent> History)> Histories()
    {
        lock (_gate) return _history.Select(h => (_items[h.Key].Queue, (IReadOnlyList<QueueItemEvent>)h.Value.ToList())).ToList();
    }

    private Task<QueueItemChange?> Change(string itemId, QueueItemTransitions.Rule rule)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(itemId, out var item)) return Task.FromResult<QueueItemChange?>(null);
            var changed = Apply(item, _queues[item.Queue], rule);
            return Task.FromResult<QueueItemChange?>(changed is { } c ? new QueueItemChange(c.Item, true) : new QueueItemChange(item, false));
        }
    }

    private Task<IReadOnlyList<QueueItem>> ApplyToAll(QueueItemTransitions.Rule rule)
    {
        lock (_gate)
        {
            var changed = new List<QueueItem>();
            foreach (var item in _items.Values.Where(i => i.Status == QueueItemStatus.InProgress).ToList())
            {
                if (Apply(item, _queues[item.Queue], rule) is { } c) changed.Add(c.Item);
            }

            return Task.FromResult<IReadOnlyList<QueueItem>>(changed);
        }
    }

    private (QueueItem Item, QueueItemEvent? Event)? Apply(QueueItem item, WorkQueue queue, QueueItemTransitions.Rule rule)
    {
        var changed = rule(item, queue);
        if (changed is not { } c) return null;
        _items[item.Id] = c.Item;
        if (c.Event is { } e) _history[item.Id].Add(e);
        return c;
    }
}
