using Automation.Bots.Browser.Sessions;
using Automation.Engine.Bots;
using Automation.Engine.Credentials;
using Automation.Engine.Documents;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// Runs the configured pools of C# bots (<see cref="BotHostOptions.Pools"/>): each pool's workers take items of its
/// queue, one at a time each, and hand them to the bot in a fresh browser context (see <see cref="IQueueBot"/> for how an
/// item is settled). A pool naming a bot or queue that does not exist is reported as misconfigured in the registry and
/// logged; the host and the other pools run on. On stop, workers take no more items; the items in hand get
/// <see cref="BotHostOptions.StopGrace"/> to finish, then the bots are cancelled and the items given back.
/// </summary>
public sealed class BotHost : IHostedService, IAsyncDisposable
{
    private readonly BotHostOptions _options;
    private readonly IReadOnlyList<IQueueBot> _bots;
    private readonly BotHostParts _parts;
    private readonly ILogger<BotHost> _logger;
    private readonly CancellationTokenSource _stopTaking = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<(BotWorkerLoop Worker, Task Run)> _workers = [];
    private readonly BotReviewSweep _sweep;
    private Task _sweeping = Task.CompletedTask;

    /// <summary>Creates the host from its options and the registered bots and stores.</summary>
    public BotHost(
        IOptions<BotHostOptions> options, IEnumerable<IQueueBot> bots, IWorkQueueStore queues, IQueueEvidenceStore evidence, IBotWorkerStore registry,
        BrowserPool browser, CredentialVault credentials, IWorkflowRuntime runtime, IInstanceStore instances, TimeProvider clock, ILoggerFactory loggers,
        IDocumentStore? documents = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _bots = [.. bots];
        _logger = loggers.CreateLogger<BotHost>();
        var reviews = new BotReviewStarter(runtime, instances, queues, loggers.CreateLogger<BotReviewStarter>());
        _parts = new BotHostParts(queues, evidence, registry, documents, browser, credentials, reviews, clock, loggers, _options);
        _sweep = new BotReviewSweep(queues, reviews, clock, loggers.CreateLogger<BotReviewSweep>());
    }

    /// <summary>A short token of this process's host, part of every worker id so that two processes on one machine never share one.</summary>
    public string ProcessToken { get; } = Guid.NewGuid().ToString("N")[..6];

    /// <summary>The ids of the workers started (empty before start or when disabled).</summary>
    public IReadOnlyList<string> WorkerIds => [.. _workers.Select(w => w.Worker.Id)];

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _options.Pools.Count == 0)
        {
            _logger.LogInformation("The bot host runs no pools ({Reason})", _options.Enabled ? "none configured" : "disabled");
            return Task.CompletedTask;
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var working = new List<BotPoolOptions>();
        foreach (var pool in _options.Pools)
        {
            var bot = _bots.FirstOrDefault(b => string.Equals(b.Name, pool.Bot, StringComparison.Ordinal));
            var error = ConfigurationError(pool, bot);
            if (error is null) working.Add(pool);
            // A misconfigured pool still shows one worker in the registry, so operators see what is wrong.
            var count = error is null ? pool.Workers : 1;
            for (var i = 0; i < count; i++)
            {
                var n = numbers[pool.Bot] = numbers.GetValueOrDefault(pool.Bot) + 1;
                var worker = new BotWorkerLoop(_parts, error is null ? bot : null, pool, $"{pool.Bot}@{Environment.MachineName}#{n}-{ProcessToken}", error);
                _workers.Add((worker, Task.Run(() => worker.RunAsync(_stopTaking.Token, _abort.Token), CancellationToken.None)));
            }

            if (error is null) _logger.LogInformation("Bot pool {Pool}: {Workers} worker(s) of {Bot} on queue {Queue}", pool.DisplayName, count, pool.Bot, pool.Queue);
            else _logger.LogError("Bot pool {Pool} is misconfigured: {Problem}", pool.DisplayName, error);
        }

        _sweeping = Task.Run(() => _sweep.RunAsync(working, _options.ReviewSweepInterval, _options.ReviewSweepWindow, _stopTaking.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Workers take no more items; after <see cref="BotHostOptions.StopGrace"/> (or when the host's own stop time runs out) the bots are cancelled.</remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_workers.Count == 0) return;
        await _stopTaking.CancelAsync().ConfigureAwait(false);
        var all = Task.WhenAll(_workers.Select(w => w.Run));
        using (var graceOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var grace = Task.Delay(_options.StopGrace, _parts.Clock, graceOver.Token);
            if (await Task.WhenAny(all, grace).ConfigureAwait(false) != all)
            {
                _logger.LogInformation("Bot host stopping: the stop grace ({Grace}) ran out; cancelling the items in hand", _options.StopGrace);
                await _abort.CancelAsync().ConfigureAwait(false);
            }

            await graceOver.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await all.ConfigureAwait(false);
            await _sweeping.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A bot worker ended with an error");
        }

        _workers.Clear();
    }

    /// <summary>What is wrong with <paramref name="pool"/> before any queue is read, or null.</summary>
    private string? ConfigurationError(BotPoolOptions pool, IQueueBot? bot)
    {
        if (string.IsNullOrWhiteSpace(pool.Bot)) return $"Pool '{pool.DisplayName}' names no bot (Automation:Bots:Pools:n:Bot).";
        if (string.IsNullOrWhiteSpace(pool.Queue)) return $"Pool '{pool.DisplayName}' names no queue (Automation:Bots:Pools:n:Queue).";
        if (pool.Workers is < 1 or > 50) return $"Pool '{pool.DisplayName}' asks for {pool.Workers} workers; give 1 to 50.";
        if (bot is null)
        {
            var known = _bots.Count == 0 ? "none" : string.Join(", ", _bots.Select(b => b.Name).Order(StringComparer.Ordinal));
            return $"Pool '{pool.DisplayName}': there is no bot '{pool.Bot}' (bots registered: {known}).";
        }

        return null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _stopTaking.Dispose();
        _abort.Dispose();
        return ValueTask.CompletedTask;
    }
}
