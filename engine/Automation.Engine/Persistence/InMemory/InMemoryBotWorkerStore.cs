using Automation.Engine.Bots;
using Automation.Engine.Queues;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>The bot registry in memory; activity is counted from the in-memory queues' history.</summary>
public sealed class InMemoryBotWorkerStore(IWorkQueueStore queues) : IBotWorkerStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, BotWorker> _workers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task SaveAsync(BotWorker worker, CancellationToken cancellationToken = default)
    {
        BotWorkerChecks.Check(worker);
        lock (_gate)
            _workers[worker.Id] = worker with { StartedAt = StoreTime.Normalize(worker.StartedAt), LastHeartbeat = StoreTime.Normalize(worker.LastHeartbeat) };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BotWorker>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<BotWorker>>(_workers.Values.OrderBy(w => w.Bot, StringComparer.Ordinal)
                .ThenBy(w => w.Queue, StringComparer.Ordinal).ThenBy(w => w.Id, StringComparer.Ordinal).ToList());
    }

    /// <inheritdoc />
    public Task<int> RemoveReportedBeforeAsync(DateTimeOffset reportedBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var old = _workers.Values.Where(w => w.LastHeartbeat < reportedBefore).Select(w => w.Id).ToList();
            foreach (var id in old) _workers.Remove(id);
            return Task.FromResult(old.Count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BotActivity>> GetActivityAsync(DateTimeOffset since, string? queue = null, CancellationToken cancellationToken = default)
    {
        var histories = queues is InMemoryWorkQueueStore memory ? memory.Histories() : [];
        var settled = new List<(string Queue, string Bot, bool Successful, QueueFailureKind? Kind, string? Code)>();
        foreach (var (q, history) in histories)
        {
            if (queue is not null && q != queue) continue;
            for (var i = 0; i < history.Count; i++)
            {
                var e = history[i];
                if (e.At < since || e.Action is not (QueueItemActions.Completed or QueueItemActions.Failed or QueueItemActions.LeaseExpired)) continue;
                // A lease that ran out has no actor: it counts for the bot that took the item (the step before).
                var actor = e.Actor ?? (i > 0 ? history[i - 1].Actor : null);
                if (actor is null) continue;
                var ok = e.Action == QueueItemActions.Completed;
                settled.Add((q, BotWorkerChecks.BotOf(actor), ok, ok ? null : e.FailureKind, ok ? null : e.FailureCode));
            }
        }

        return Task.FromResult<IReadOnlyList<BotActivity>>(settled.GroupBy(s => s)
            .Select(g => new BotActivity(g.Key.Queue, g.Key.Bot, g.Key.Successful, g.Key.Kind, g.Key.Code, g.Count()))
            .OrderBy(a => a.Queue, StringComparer.Ordinal).ThenBy(a => a.Bot, StringComparer.Ordinal).ToList());
    }
}
