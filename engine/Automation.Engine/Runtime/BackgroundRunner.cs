using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Runtime;

/// <summary>Runs instances in the background with bounded concurrency, and waits for them on shutdown.</summary>
public sealed class BackgroundRunner : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];
    private readonly ILogger<BackgroundRunner> _logger;

    /// <summary>Creates the runner.</summary>
    public BackgroundRunner(IOptions<RuntimeOptions> options, ILogger<BackgroundRunner> logger)
    {
        _slots = new SemaphoreSlim(options.Value.BackgroundConcurrency);
        _logger = logger;
    }

    /// <summary>Queues <paramref name="work"/> for instance <paramref name="instanceId"/>.</summary>
    public void Run(string instanceId, Func<CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested) return; // the lease lets recovery pick it up after restart
        var task = Task.Run(async () =>
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try { await work(_stopping.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
            catch (Exception ex) { _logger.LogError(ex, "Background run of instance {InstanceId} failed", instanceId); }
            finally { _slots.Release(); }
        });
        lock (_running) _running.Add(task);
        task.ContinueWith(t => { lock (_running) _running.Remove(t); }, TaskScheduler.Default);
    }

    /// <summary>Waits until no background run is in progress (tests and benchmarks).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task[] tasks;
            lock (_running) tasks = _running.ToArray();
            if (tasks.Length == 0) return;
            await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops taking work and waits up to <paramref name="timeout"/> for runs in progress.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        Task[] tasks;
        lock (_running) tasks = _running.ToArray();
        await Task.WhenAny(Task.WhenAll(tasks), Task.Delay(timeout)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
