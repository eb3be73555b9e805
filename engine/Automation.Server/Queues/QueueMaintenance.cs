using Automation.Engine.Queues;
using Microsoft.Extensions.Options;

namespace Automation.Server.Queues;

/// <summary>
/// Returns items whose bot stopped heartbeating (an expired lease is a system exception, retried by policy) and
/// abandons items left in progress past their queue's window, every <see cref="QueueOptions.MaintenanceInterval"/>.
/// Every node runs it; on PostgreSQL the passes skip each other's rows, so an item is handled once.
/// </summary>
internal sealed class QueueMaintenance(IWorkQueueStore store, TimeProvider clock, IOptions<QueueOptions> options, ILogger<QueueMaintenance> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be briefly unreachable; the next pass catches up.
                logger.LogWarning(e, "Work queue maintenance failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass: abandonment first (its window is the hard limit), then expired leases.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var item in await store.AbandonStaleAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            logger.LogWarning("Queue item {ItemId} of {Queue} abandoned: in progress by {Bot} past the queue's window", item.Id, item.Queue, item.HeldBy);
        foreach (var item in await store.ExpireLeasesAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            logger.LogWarning("Queue item {ItemId} of {Queue}: the lease of {Bot} expired; now {Status}", item.Id, item.Queue, item.HeldBy, item.Status);
    }
}
