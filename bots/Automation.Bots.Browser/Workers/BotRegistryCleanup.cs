using Automation.Engine.Bots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// Removes workers from the bot registry that have not reported for <see cref="BotHostOptions.RegistryRetention"/>: once
/// when the host starts, then every <see cref="BotHostOptions.RegistryCleanupInterval"/>. Every node may run it; the
/// delete is idempotent, so two nodes cleaning at once remove each row once. Runs whether or not this node runs pools,
/// because workers of other nodes (or of this node's earlier processes) are what it removes.
/// </summary>
public sealed class BotRegistryCleanup(IBotWorkerStore registry, IOptions<BotHostOptions> options, TimeProvider clock, ILogger<BotRegistryCleanup> logger)
    : BackgroundService
{
    private readonly BotHostOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <summary>
    /// Removes the workers that last reported longer ago than the retention and returns how many. The retention used is
    /// at least three heartbeat intervals, so a worker the API still shows online is never removed.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> CleanAsync(CancellationToken cancellationToken = default)
    {
        var retention = TimeSpan.FromTicks(Math.Max(_options.RegistryRetention.Ticks, 3 * _options.HeartbeatInterval.Ticks));
        var removed = await registry.RemoveReportedBeforeAsync(clock.GetUtcNow() - retention, cancellationToken).ConfigureAwait(false);
        if (removed > 0) logger.LogInformation("Removed {Count} bot worker(s) from the registry that had not reported for {Retention}", removed, retention);
        return removed;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RegistryCleanupInterval, clock);
        do
        {
            try
            {
                await CleanAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be briefly unreachable; the next round tries again, and nothing depends on the rows being gone.
                logger.LogWarning(e, "Cleaning the bot registry failed; trying again in {Interval}", _options.RegistryCleanupInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
