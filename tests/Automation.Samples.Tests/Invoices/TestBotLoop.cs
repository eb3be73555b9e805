using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Samples.Tests.Invoices;

/// <summary>
/// The smallest bot host there can be, for tests until the real one is used: N workers sharing one browser, each
/// taking the queue's next item, opening a fresh browser context for it, calling the bot, and settling the item as the
/// bot contract says (returned → complete; <see cref="BusinessException"/> → business failure; anything else → system
/// failure, retried by the queue). It stops when the queue has nothing left to take.
/// </summary>
internal sealed class TestBotLoop(IWorkQueueStore store, BrowserPool pool, CredentialVault credentials)
{
    /// <summary>Called with each item's new page before the bot gets it (a test intercepts requests here).</summary>
    public Func<IPage, QueueItem, Task>? PreparePage { get; init; }

    /// <summary>The business exception codes by item id.</summary>
    public ConcurrentDictionary<string, string?> BusinessCodes { get; } = new();

    /// <summary>The system exceptions the bot threw, in order.</summary>
    public ConcurrentQueue<Exception> SystemExceptions { get; } = new();

    /// <summary>Everything the bots logged.</summary>
    public ListLogger Log { get; } = new();

    /// <summary>Runs <paramref name="workers"/> workers of <paramref name="bot"/> on <paramref name="queue"/> until it is empty.</summary>
    public Task RunAsync(string queue, IQueueBot bot, JsonObject settings, int workers = 1) =>
        Task.WhenAll(Enumerable.Range(1, workers).Select(n => WorkAsync(queue, bot, settings, $"{bot.Name}@test#{n}")));

    private async Task WorkAsync(string queue, IQueueBot bot, JsonObject settings, string worker)
    {
        while (await store.TakeNextAsync(queue, worker, DateTimeOffset.UtcNow) is { } item)
        {
            var browserContext = await pool.NewContextAsync();
            try
            {
                var page = await browserContext.NewPageAsync();
                if (PreparePage is not null) await PreparePage(page, item);
                var context = new BotItemContext
                {
                    Item = item, Page = page, Settings = settings.DeepClone().AsObject(), Credentials = credentials, WorkerId = worker, Logger = Log,
                };
                try
                {
                    var output = await bot.ProcessAsync(context, CancellationToken.None);
                    await store.CompleteAsync(item.Id, worker, output, DateTimeOffset.UtcNow);
                }
                catch (BusinessException e)
                {
                    BusinessCodes[item.Id] = e.Code;
                    await store.FailAsync(item.Id, worker, QueueFailureKind.Business, context.Mask(e.Message), e.Code, DateTimeOffset.UtcNow);
                }
                catch (Exception e)
                {
                    SystemExceptions.Enqueue(e);
                    await store.FailAsync(item.Id, worker, QueueFailureKind.System, context.Mask(e.Message), DateTimeOffset.UtcNow);
                }
            }
            finally
            {
                await browserContext.CloseAsync();
            }
        }
    }
}

/// <summary>A logger that keeps every message (to check what a bot logs, and that no secret is among it).</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> messages = new();

    /// <summary>Every message logged, formatted, with its exception's message.</summary>
    public IReadOnlyCollection<string> Messages => messages;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception.Message));
}
