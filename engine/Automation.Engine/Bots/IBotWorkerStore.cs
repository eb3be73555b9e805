namespace Automation.Engine.Bots;

/// <summary>The registry of bot workers (every host's workers report here) and what the bots did, from the queues' history.</summary>
public interface IBotWorkerStore
{
    /// <summary>Creates or replaces the worker's row (by id).</summary>
    /// <exception cref="ArgumentException">The id, bot, queue, pool or node is empty.</exception>
    Task SaveAsync(BotWorker worker, CancellationToken cancellationToken = default);

    /// <summary>Every known worker, by bot, queue and id.</summary>
    Task<IReadOnlyList<BotWorker>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the workers that last reported before <paramref name="reportedBefore"/> (long offline: a running worker
    /// reports every heartbeat interval) and returns how many were removed. Their settled attempts stay in the queues' history.
    /// </summary>
    Task<int> RemoveReportedBeforeAsync(DateTimeOffset reportedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// The attempts settled (completed, failed, lease expired) since <paramref name="since"/>, grouped by queue, bot,
    /// outcome, failure kind and code; only <paramref name="queue"/>'s when given.
    /// </summary>
    Task<IReadOnlyList<BotActivity>> GetActivityAsync(DateTimeOffset since, string? queue = null, CancellationToken cancellationToken = default);
}
