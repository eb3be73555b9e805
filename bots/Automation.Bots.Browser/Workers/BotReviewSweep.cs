using Automation.Engine.Queues;
using Microsoft.Extensions.Logging;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// Makes a pool's business-exception review start at least once. The worker starts the review right after it fails the
/// item; a process that dies between the two, or a start that fails (the workflow not yet published), would leave the
/// item with no review. The sweep, run when the host starts and then every <see cref="BotHostOptions.ReviewSweepInterval"/>,
/// starts the review of every item of the pool's queue that the pool's bot failed as a business exception within
/// <see cref="BotHostOptions.ReviewSweepWindow"/>. Review ids are derived from the item and attempt, so a review that
/// exists is found and left alone (decision 26).
/// </summary>
internal sealed class BotReviewSweep(IWorkQueueStore queues, BotReviewStarter reviews, TimeProvider clock, ILogger logger)
{
    private const int PageSize = 200;

    /// <summary>Starts the missing reviews of <paramref name="pool"/>'s business failures since <paramref name="window"/> ago; returns how many it started.</summary>
    /// <remarks>A review that cannot start ends the pool's sweep (the next items would fail the same way); the next sweep tries again.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> SweepAsync(BotPoolOptions pool, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.BusinessExceptionWorkflow is not { Length: > 0 } workflow) return 0;
        var since = clock.GetUtcNow() - window;
        // A worker id is "{bot}@{node}#{n}-{process}": only this bot's failures are this pool's to review, not those of a
        // queue trigger's workflow or of another bot on the same queue.
        var worker = pool.Bot + "@";
        // An item's last change is its failure or later, so "changed since" keeps every failure in the window.
        var failed = new QueueItemQuery { Status = QueueItemStatus.Failed, FailureKind = QueueFailureKind.Business, UpdatedFrom = since };
        var started = 0;
        string? cursor = null;
        do
        {
            // Newest added first, so an item added long ago that failed recently is further on: the filters, not the
            // order, bound the read to the window's business failures.
            var page = await queues.ListItemsAsync(pool.Queue, failed, cursor, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                if (item.FailureKind != QueueFailureKind.Business || item.CompletedAt < since || item.HeldBy?.StartsWith(worker, StringComparison.Ordinal) != true)
                    continue;
                switch (await reviews.StartAsync(workflow, item, item.FailureReason ?? "", item.FailureCode, cancellationToken).ConfigureAwait(false))
                {
                    case ReviewStart.Started:
                        started++;
                        break;
                    case ReviewStart.Failed:
                        return started;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        if (started > 0) logger.LogInformation("Bot pool {Pool}: started {Count} missed review(s) of business exceptions", pool.DisplayName, started);
        return started;
    }

    /// <summary>Sweeps every pool with a review workflow now and then every <paramref name="interval"/> until <paramref name="stop"/> is cancelled; never throws.</summary>
    public async Task RunAsync(IReadOnlyList<BotPoolOptions> pools, TimeSpan interval, TimeSpan window, CancellationToken stop)
    {
        // Two pools of one bot on one queue (say, two names) share their failures: sweep them once.
        var distinct = pools.Where(p => p.BusinessExceptionWorkflow is { Length: > 0 })
            .DistinctBy(p => (p.Bot, p.Queue, p.BusinessExceptionWorkflow)).ToList();
        if (distinct.Count == 0) return;
        while (!stop.IsCancellationRequested)
        {
            foreach (var pool in distinct)
            {
                try
                {
                    await SweepAsync(pool, window, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The store is unreachable (a database restart): the next sweep tries again.
                    logger.LogWarning(e, "Bot pool {Pool}: the sweep for missed reviews failed", pool.DisplayName);
                }
            }

            try { await Task.Delay(interval, clock, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
