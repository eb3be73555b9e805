using Automation.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Runtime;

/// <summary>
/// Keeps a Running instance's lease alive while the run works between commits: every third of
/// <see cref="RuntimeOptions.LeaseDuration"/> it extends the lease to a full duration from now, until disposed (the
/// run's next commit sets or clears the lease itself). Without it, an activity that runs longer than the lease would
/// let another node's recovery loop see the lease expire and run the instance a second time meanwhile.
/// </summary>
/// <remarks>
/// A timer rather than a loop on the run's own thread, so that an activity that blocks that thread (a long synchronous
/// step) is covered as well as one that awaits I/O. Renewals never overlap: a tick that finds one still running skips.
/// </remarks>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly IInstanceStore _instances;
    private readonly string _instanceId;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private Task _renewal = Task.CompletedTask;
    private bool _lost;

    private LeaseRenewal(IInstanceStore instances, string instanceId, RuntimeOptions options, TimeProvider clock, ILogger logger)
    {
        _instances = instances;
        _instanceId = instanceId;
        _owner = options.NodeId;
        _duration = options.LeaseDuration;
        _clock = clock;
        _logger = logger;
        // A third of the lease: two renewals can fail (a busy or briefly unreachable database) before it runs out. At
        // least 10 ms, so that a lease configured at zero (or less) cannot make a timer that spins or throws.
        var period = TimeSpan.FromTicks(Math.Max(options.LeaseDuration.Ticks / 3, TimeSpan.TicksPerMillisecond * 10));
        _timer = clock.CreateTimer(_ => Tick(), null, period, period);
    }

    /// <summary>Starts renewing <paramref name="instanceId"/>'s lease, held by <see cref="RuntimeOptions.NodeId"/>.</summary>
    public static LeaseRenewal Start(IInstanceStore instances, string instanceId, RuntimeOptions options, TimeProvider clock, ILogger logger) =>
        new(instances, instanceId, options, clock, logger);

    private void Tick()
    {
        lock (_gate)
        {
            if (_lost || _stop.IsCancellationRequested || !_renewal.IsCompleted) return;
            _renewal = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            if (!await _instances.RenewLeaseAsync(_instanceId, _owner, _clock.GetUtcNow() + _duration, _stop.Token).ConfigureAwait(false))
            {
                // Another node holds it now (this node stalled past the lease): its commit or ours will lose the version
                // race; renewing cannot take the lease back, so stop trying.
                _lost = true;
                _logger.LogWarning("Instance {InstanceId} lost its lease while this node was running it", _instanceId);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not renew the lease of instance {InstanceId}; the next tick tries again", _instanceId);
        }
    }

    /// <summary>Stops renewing and waits for a renewal in progress to end, so that none lands after the next commit.</summary>
    public async ValueTask DisposeAsync()
    {
        Task renewal;
        lock (_gate)
        {
            _stop.Cancel();
            renewal = _renewal;
        }
        await _timer.DisposeAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
        _stop.Dispose();
    }
}
