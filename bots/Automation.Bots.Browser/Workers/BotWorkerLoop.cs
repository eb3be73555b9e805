using System.Diagnostics;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Bots;
using Automation.Engine.Credentials;
using Automation.Engine.Documents;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Workers;

/// <summary>What every worker of a bot host uses.</summary>
internal sealed record BotHostParts(
    IWorkQueueStore Queues, IQueueEvidenceStore Evidence, IBotWorkerStore Registry, IDocumentStore? Documents, BrowserPool Browser,
    CredentialVault Credentials, BotReviewStarter Reviews, TimeProvider Clock, ILoggerFactory Loggers, BotHostOptions Options);

/// <summary>
/// One worker of a pool: takes the queue's next item, hands it to the bot in a fresh browser context while heartbeating
/// its lease, and settles it by what the bot did. It reports itself to the registry on start, every heartbeat interval
/// and every item.
/// </summary>
internal sealed class BotWorkerLoop(BotHostParts parts, IQueueBot? bot, BotPoolOptions pool, string id, string? configurationError)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private readonly ILogger _logger = parts.Loggers.CreateLogger("Automation.Bots." + (bot?.Name ?? pool.Bot));
    private readonly object _gate = new();
    private bool _queueFound;
    private BotWorker _state = new()
    {
        Id = id, Bot = pool.Bot, Queue = pool.Queue, Pool = pool.DisplayName, Node = Environment.MachineName, StartedAt = parts.Clock.GetUtcNow(),
        LastHeartbeat = parts.Clock.GetUtcNow(),
    };

    /// <summary>The worker id: the <c>heldBy</c> of the items it takes.</summary>
    public string Id => id;

    /// <summary>
    /// Works until <paramref name="stopTaking"/> is cancelled, then finishes the item in hand; <paramref name="abort"/>
    /// (the stop grace ran out) cancels the bot, and the item is given back.
    /// </summary>
    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        var poll = FirstPoll;
        var lastReport = DateTimeOffset.MinValue;
        while (!stopTaking.IsCancellationRequested)
        {
            try
            {
                if (await ProblemAsync(stopTaking).ConfigureAwait(false) is { } problem)
                {
                    if (_state.Error != problem) _logger.LogError("Bot pool {Pool} is misconfigured: {Problem}", pool.DisplayName, problem);
                    await ReportAsync(s => s with { Status = BotWorkerStatus.Misconfigured, Error = problem }).ConfigureAwait(false);
                    if (bot is null) break; // An unknown bot needs a restart; a missing queue may still be created.
                    await Task.Delay(parts.Options.HeartbeatInterval, parts.Clock, stopTaking).ConfigureAwait(false);
                    continue;
                }

                var item = await parts.Queues.TakeNextAsync(pool.Queue, id, parts.Clock.GetUtcNow(), stopTaking).ConfigureAwait(false);
                if (item is null)
                {
                    if (_state.Status != BotWorkerStatus.Idle || parts.Clock.GetUtcNow() - lastReport >= parts.Options.HeartbeatInterval)
                    {
                        await ReportAsync(s => s with { Status = BotWorkerStatus.Idle, Error = null, ItemId = null, ItemReference = null }).ConfigureAwait(false);
                        lastReport = parts.Clock.GetUtcNow();
                    }

                    await Task.Delay(poll, parts.Clock, stopTaking).ConfigureAwait(false);
                    poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, parts.Options.IdlePollMax.Ticks));
                    continue;
                }

                poll = FirstPoll;
                await HandleAsync(bot!, item, stopTaking, abort).ConfigureAwait(false);
                lastReport = parts.Clock.GetUtcNow();
            }
            catch (OperationCanceledException) when (stopTaking.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store is unreachable (a database restart): wait and try again rather than stop the worker.
                _logger.LogWarning(e, "Worker {Worker} could not take from queue {Queue}", id, pool.Queue);
                try { await Task.Delay(parts.Options.IdlePollMax, parts.Clock, stopTaking).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }
        }

        await ReportAsync(s => s with
        {
            Status = s.Status == BotWorkerStatus.Misconfigured ? BotWorkerStatus.Misconfigured : BotWorkerStatus.Stopped, ItemId = null, ItemReference = null,
        }).ConfigureAwait(false);
    }

    private async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (configurationError is not null) return configurationError;
        if (_queueFound) return null;
        _queueFound = await parts.Queues.GetQueueAsync(pool.Queue, cancellationToken).ConfigureAwait(false) is not null;
        return _queueFound ? null
            : $"Pool '{pool.DisplayName}': there is no queue '{pool.Queue}'. Create it (PUT /api/queues/{pool.Queue}) or correct Automation:Bots:Pools.";
    }

    private async Task HandleAsync(IQueueBot queueBot, QueueItem item, CancellationToken stopTaking, CancellationToken abort)
    {
        var started = Stopwatch.GetTimestamp();
        await ReportAsync(s => s with { Status = BotWorkerStatus.Working, ItemId = item.Id, ItemReference = item.Reference, Error = null }).ConfigureAwait(false);
        await using var lease = LeaseHeartbeat.Start(parts.Queues, item, id, parts.Clock, _logger, parts.Options.HeartbeatInterval,
            () => ReportAsync(s => s with { Status = stopTaking.IsCancellationRequested ? BotWorkerStatus.Stopping : s.Status }));
        // A lost lease stops the bot too: the item may already be another worker's, and keying it on would key it twice.
        using var work = CancellationTokenSource.CreateLinkedTokenSource(abort, lease.Lost);
        IBrowserContext? browser = null;
        BotItemContext? context = null;
        string outcome;
        QueueFailureKind? kind = null;
        string? code = null;
        try
        {
            browser = await parts.Browser.NewContextAsync(abort).ConfigureAwait(false);
            // What is recorded costs on every item (the full trace made items about 1.5x slower): ItemTrace decides per attempt.
            if (TraceOptions(item) is { } trace) await browser.Tracing.StartAsync(trace).ConfigureAwait(false);
            context = new BotItemContext
            {
                Item = item, Page = await browser.NewPageAsync().ConfigureAwait(false), Settings = (JsonObject)pool.Settings.DeepClone(),
                Credentials = parts.Credentials, WorkerId = id, Logger = _logger,
            };
            var output = await queueBot.ProcessAsync(context, work.Token).ConfigureAwait(false);
            await StopBeatsAsync().ConfigureAwait(false);
            var done = await parts.Queues.CompleteAsync(item.Id, id, output, parts.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            outcome = "successful";
            if (done is { Changed: false }) _logger.LogWarning("Queue item {ItemId} was done but could not be completed: worker {Worker} no longer holds it", item.Id, id);
        }
        catch (BusinessException e)
        {
            await StopBeatsAsync().ConfigureAwait(false);
            (outcome, kind, code) = ("failed", QueueFailureKind.Business, e.Code);
            var reason = Masked(context, e.Message);
            var failed = await parts.Queues.FailAsync(item.Id, id, QueueFailureKind.Business, reason, e.Code, parts.Clock.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            _logger.LogInformation("Queue item {ItemId} ({Reference}) failed as a business exception ({Code}): {Reason}", item.Id, item.Reference, e.Code, reason);
            if (failed is { Changed: true } && pool.BusinessExceptionWorkflow is { Length: > 0 } workflow)
                await parts.Reviews.StartAsync(workflow, item, new BusinessException(reason, e.Code), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Stopping and the grace ran out: the item goes back untouched (the attempt does not count).
            await StopBeatsAsync().ConfigureAwait(false);
            outcome = "released";
            await parts.Queues.ReleaseAsync(item.Id, id, parts.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Queue item {ItemId} given back: the host stopped before the bot finished", item.Id);
        }
        catch (OperationCanceledException) when (lease.IsLost)
        {
            // Nothing to settle: the store no longer lets this worker change the item (a lease expiry has already counted the attempt).
            outcome = "lost";
            _logger.LogWarning("Worker {Worker} stopped the bot on queue item {ItemId}: its lease was lost", id, item.Id);
        }
        catch (Exception e)
        {
            await StopBeatsAsync().ConfigureAwait(false);
            (outcome, kind, code) = ("failed", QueueFailureKind.System, e.GetType().Name);
            var notes = new List<string>();
            await SaveEvidenceAsync(item, browser, context, notes).ConfigureAwait(false);
            var reason = Masked(context, e.Message.Trim()) + (notes.Count > 0 ? $" Evidence: {string.Join(", ", notes)}." : "");
            var failed = await parts.Queues.FailAsync(item.Id, id, QueueFailureKind.System, reason, code, parts.Clock.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            _logger.LogWarning("Queue item {ItemId} ({Reference}) failed as a system exception ({Code}); status now {Status}: {Reason}", item.Id, item.Reference,
                code, failed?.Item.Status, reason);
        }
        finally
        {
            await StopBeatsAsync().ConfigureAwait(false);
            if (browser is not null)
            {
                try { await browser.CloseAsync().ConfigureAwait(false); }
                catch (PlaywrightException ex) { _logger.LogDebug(ex, "The browser context of item {ItemId} was already gone", item.Id); }
            }
        }

        BotMetrics.Record(queueBot.Name, pool.Queue, outcome, kind?.ToString().ToLowerInvariant(), code, Stopwatch.GetElapsedTime(started));
        await ReportAsync(s => s with
        {
            Status = stopTaking.IsCancellationRequested ? BotWorkerStatus.Stopping : BotWorkerStatus.Idle, ItemId = null, ItemReference = null,
            ItemsHandled = s.ItemsHandled + (outcome is "released" or "lost" ? 0 : 1), ItemsFailed = s.ItemsFailed + (kind is null ? 0 : 1),
        }).ConfigureAwait(false);

        Task StopBeatsAsync() => lease.StopAsync();
    }

    /// <summary>The tracing this attempt at <paramref name="item"/> records, or null for none.</summary>
    private TracingStartOptions? TraceOptions(QueueItem item) =>
        parts.Browser.Options.TraceOnFailure ? ItemTraceOptions.For(parts.Browser.Options.ItemTrace, item.Attempts) : null;

    private async Task SaveEvidenceAsync(QueueItem item, IBrowserContext? browser, BotItemContext? context, List<string> notes)
    {
        if (parts.Documents is null || browser is null) return;
        // A trace records what was typed; when the bot typed a secret the trace would hold it, so only the screenshot is kept.
        var secrets = context?.Secrets.Count > 0;
        if (secrets) notes.Add("no trace (the bot typed a secret)");
        try
        {
            var saved = await FailureEvidence.SaveAsync(context?.Page, browser, TraceOptions(item) is not null && !secrets,
                parts.Browser.Options.ScreenshotOnFailure, parts.Documents, _logger, $"{item.Reference ?? item.Id}-attempt{item.Attempts}", null,
                keepTracing: false, notes).ConfigureAwait(false);
            foreach (var s in saved)
                await parts.Evidence.AddAsync(new QueueItemEvidence(item.Id, item.Attempts, s.Document.Id, s.Kind, parts.Clock.GetUtcNow())).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "The evidence of queue item {ItemId} could not be saved", item.Id);
            notes.Add("no evidence (it could not be saved)");
        }
    }

    /// <summary>Changes the worker's state and saves it to the registry with the time as its heartbeat; a registry that cannot be reached is logged, never thrown.</summary>
    private async Task ReportAsync(Func<BotWorker, BotWorker> change)
    {
        BotWorker state;
        lock (_gate) state = _state = change(_state) with { LastHeartbeat = parts.Clock.GetUtcNow() };
        try
        {
            await parts.Registry.SaveAsync(state).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Worker {Worker} could not report to the bot registry", id);
        }
    }

    private static string Masked(BotItemContext? context, string text) => context?.Mask(text) ?? text;
}
