using Microsoft.Extensions.Logging;

namespace Automation.Engine.Queues;

/// <summary>
/// Keeps the lease of a queue item alive while its holder works on it: renews it through
/// <see cref="IWorkQueueStore.HeartbeatAsync"/> every <see cref="Interval"/> until stopped. When the store says the
/// holder no longer has the item (its lease ran out and it was returned, or an operator abandoned or deleted it),
/// renewals stop and <see cref="Lost"/> is cancelled, so that the work can stop before it does anything twice.
/// </summary>
/// <remarks>
/// A renewal that throws (the store is unreachable for a moment) is logged and tried again at the next interval: the
/// lease is a third of its length ahead, so one missed renewal does not lose it.
/// </remarks>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    /// <summary>The shortest interval between renewals, whatever the lease (a very short lease is not hammered).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private Task _loop = Task.CompletedTask;

    private LeaseHeartbeat(TimeSpan interval) => Interval = interval;

    /// <summary>How often the lease is renewed.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Cancelled when the store says the holder no longer has the item; never cancelled by <see cref="StopAsync"/>.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>True once the lease is lost.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>
    /// Starts renewing the lease of <paramref name="item"/>, just taken by <paramref name="bot"/>. The interval is a third
    /// of the lease the item came with (so two renewals fit in a lease), at most <paramref name="atMost"/> and at least
    /// <see cref="MinInterval"/>.
    /// </summary>
    /// <param name="queues">The store that holds the item.</param>
    /// <param name="item">The item as it was taken (its <see cref="QueueItem.LeaseUntil"/> gives the lease's length).</param>
    /// <param name="bot">The holder: the <c>bot</c> the item was taken as.</param>
    /// <param name="clock">The clock the intervals are waited on and the renewals stamped with.</param>
    /// <param name="logger">Where a lost lease and failed renewals are logged.</param>
    /// <param name="atMost">The longest interval (a worker's configured heartbeat); none when null.</param>
    /// <param name="afterBeat">Called after each renewal that kept the lease (a worker reports itself alive); its errors are logged.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LeaseHeartbeat Start(
        IWorkQueueStore queues, QueueItem item, string bot, TimeProvider clock, ILogger logger, TimeSpan? atMost = null, Func<Task>? afterBeat = null)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        var heartbeat = new LeaseHeartbeat(IntervalFor(item, clock.GetUtcNow(), atMost));
        heartbeat._loop = heartbeat.RunAsync(queues, item, bot, clock, logger, afterBeat);
        return heartbeat;
    }

    /// <summary>The renewal interval for <paramref name="item"/> taken at <paramref name="now"/> (see <see cref="Start"/>).</summary>
    public static TimeSpan IntervalFor(QueueItem item, DateTimeOffset now, TimeSpan? atMost = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var third = ((item.LeaseUntil ?? now) - now) / 3;
        var interval = atMost is { } most && most < third ? most : third;
        return interval < MinInterval ? MinInterval : interval;
    }

    /// <summary>Stops the renewals and waits until the one under way (if any) has ended. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Stops the renewals (as <see cref="StopAsync"/>) and releases the tokens.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RunAsync(IWorkQueueStore queues, QueueItem item, string bot, TimeProvider clock, ILogger logger, Func<Task>? afterBeat)
    {
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                await Task.Delay(Interval, clock, stop).ConfigureAwait(false);
                QueueItemChange? beat;
                try
                {
                    beat = await queues.HeartbeatAsync(item.Id, bot, clock.GetUtcNow(), stop).ConfigureAwait(false);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Heartbeat of queue item {ItemId} failed; trying again in {Interval}", item.Id, Interval);
                    continue;
                }

                if (beat is not { Changed: true })
                {
                    logger.LogWarning("{Bot} no longer holds queue item {ItemId} (its lease ran out, or it was abandoned or deleted); status now {Status}",
                        bot, item.Id, beat?.Item.Status.ToString() ?? "gone");
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                if (afterBeat is not null) await AfterBeatAsync(afterBeat, item, logger).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task AfterBeatAsync(Func<Task> afterBeat, QueueItem item, ILogger logger)
    {
        try
        {
            await afterBeat().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "After the heartbeat of queue item {ItemId}: {Message}", item.Id, e.Message);
        }
    }
}
