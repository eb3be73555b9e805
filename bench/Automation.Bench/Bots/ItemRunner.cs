using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Automation.Bench.Bots;

/// <summary>What a bot item's browser context records while the bot works (kept as evidence only when it fails).</summary>
internal enum TraceMode
{
    /// <summary>No trace (a screenshot on failure is all the evidence).</summary>
    Off,
    /// <summary>Actions only (each call, its timing and error), no DOM snapshots or screencast frames.</summary>
    Actions,
    /// <summary>DOM snapshots and actions, no screencast frames.</summary>
    Snapshots,
    /// <summary>Screencast frames, DOM snapshots and actions: what BrowserSessions.OpenAsync starts (BrowserOptions.TraceOnFailure).</summary>
    Full,
}

/// <summary>
/// Handles one item the way the bot host does: a fresh browser context from the pool, tracing started in it, a page,
/// <see cref="IQueueBot.ProcessAsync"/>, then the trace stopped (discarded on success, written out on failure) and the
/// context closed. The host's heartbeats (one store call every 10 s) are left out: items here take seconds.
/// </summary>
internal sealed class ItemRunner(BrowserPool pool, IQueueBot bot, JsonObject settings, TraceMode trace)
{
    private static readonly CredentialVault Vault =
        new(new InMemoryCredentialStore(), new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);

    /// <summary>Runs <paramref name="item"/>; returns the bot's output, or throws what the bot threw.</summary>
    public async Task<JsonObject?> RunAsync(QueueItem item, string worker, CancellationToken cancellationToken = default)
    {
        var context = await pool.NewContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (trace != TraceMode.Off)
                await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = trace == TraceMode.Full, Snapshots = trace != TraceMode.Actions }).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            JsonObject? output;
            try
            {
                output = await bot.ProcessAsync(new BotItemContext
                {
                    Item = item, Page = page, Settings = settings, Credentials = Vault, WorkerId = worker, Logger = NullLogger.Instance,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch when (trace != TraceMode.Off)
            {
                // As the host keeps evidence: the trace is written out only when the item fails.
                var path = Path.Combine(Path.GetTempPath(), $"bench-trace-{Guid.NewGuid():N}.zip");
                try { await context.Tracing.StopAsync(new TracingStopOptions { Path = path }).ConfigureAwait(false); }
                catch (PlaywrightException) { }
                File.Delete(path);
                throw;
            }
            if (trace != TraceMode.Off) await context.Tracing.StopAsync().ConfigureAwait(false);
            return output;
        }
        finally
        {
            await context.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An item that is not in a store (the overhead bench runs items without a queue).</summary>
    public static QueueItem Item(string queue, JsonObject data) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Queue = queue, Data = data, Status = QueueItemStatus.InProgress, Attempts = 1,
        CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };
}
