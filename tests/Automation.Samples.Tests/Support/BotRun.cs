using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Hosting;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Automation.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Samples.Tests.Support;

/// <summary>
/// Runs a bot over a queue on the product's <see cref="BotHost"/>: a host with one pool (the bot, the queue, N workers,
/// the bot's settings) over the test's queue store, browser and credential vault, composed as the server composes it,
/// runs until every item of the queue has settled (Successful, Failed, Abandoned or Deleted; an item retried after a
/// system exception runs again first), and is then stopped. So the tests settle items exactly as production does.
/// </summary>
public sealed class BotRun(IWorkQueueStore queues, BrowserPool browsers, CredentialVault? credentials = null)
{
    /// <summary>Called with each item's page before the bot gets it (a test intercepts the page's requests here).</summary>
    public Func<IPage, QueueItem, Task>? PreparePage { get; init; }

    /// <summary>Everything the host and the bots logged, at every level.</summary>
    public ListLogger Log { get; } = new();

    /// <summary>
    /// Starts the host with <paramref name="workers"/> workers of <paramref name="bot"/> on <paramref name="queue"/>, waits
    /// until every item of the queue has settled, stops the host, and returns the items as settled.
    /// </summary>
    /// <exception cref="TimeoutException">Items were still waiting or in progress after <paramref name="timeout"/> (default 5 minutes).</exception>
    public async Task<SettledQueue> RunAsync(string queue, IQueueBot bot, JsonObject? settings = null, int workers = 1, TimeSpan? timeout = null)
    {
        var options = new BotHostOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            IdlePollMax = TimeSpan.FromMilliseconds(200),
            StopGrace = TimeSpan.FromSeconds(10),
            Pools = [new BotPoolOptions { Bot = bot.Name, Queue = queue, Workers = workers, Settings = settings ?? [] }],
        };
        await using var services = Compose(options, PreparePage is null ? bot : new PreparedBot(bot, PreparePage));
        var host = services.GetRequiredService<BotHost>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilSettledAsync(queue, timeout ?? TimeSpan.FromMinutes(5));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        var items = await ItemsAsync(queue);
        var failures = new List<QueueItemEvent>();
        foreach (var item in items)
            failures.AddRange((await queues.GetHistoryAsync(item.Id)).Where(e => e.FailureKind == QueueFailureKind.System));
        return new SettledQueue(items, failures);
    }

    /// <summary>A credential vault with nothing in it, for bots that sign on to nothing.</summary>
    public static CredentialVault EmptyVault() =>
        new(new InMemoryCredentialStore(), new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);

    /// <summary>
    /// The host's services as the server registers them (in-memory stores, the workflow engine for business-exception
    /// reviews), with the test's queue store, browser, vault, logger and bot in place of the server's.
    /// </summary>
    private ServiceProvider Compose(BotHostOptions options, IQueueBot bot)
    {
        var services = new ServiceCollection();
        var loggers = new LoggerFactory([Log]);
        services.AddSingleton<ILoggerFactory>(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddAutomationStorage(new StorageOptions { Store = StorageOptions.Memory });
        services.AddWorkflowEngine();
        services.AddSingleton(queues);
        services.AddSingleton(browsers);
        services.AddSingleton(credentials ?? EmptyVault());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(bot);
        services.AddSingleton<BotHost>();
        return services.BuildServiceProvider();
    }

    private async Task WaitUntilSettledAsync(string queue, TimeSpan timeout)
    {
        for (var limit = DateTime.UtcNow + timeout; ; await Task.Delay(100))
        {
            var items = await ItemsAsync(queue);
            var open = items.Where(i => i.Status is QueueItemStatus.New or QueueItemStatus.InProgress).ToList();
            if (open.Count == 0) return;
            if (DateTime.UtcNow > limit)
                throw new TimeoutException($"The bot host left {open.Count} of {items.Count} items of queue {queue} unsettled after {timeout}: "
                    + string.Join("; ", open.Select(i => $"{i.Reference ?? i.Id} {i.Status} (attempt {i.Attempts})")));
        }
    }

    private async Task<List<QueueItem>> ItemsAsync(string queue)
    {
        var items = new List<QueueItem>();
        string? cursor = null;
        do
        {
            var page = await queues.ListItemsAsync(queue, new QueueItemQuery(), cursor, 200);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>The bot, with the test's <see cref="PreparePage"/> run on each item's page before it.</summary>
    private sealed class PreparedBot(IQueueBot bot, Func<IPage, QueueItem, Task> prepare) : IQueueBot
    {
        public string Name => bot.Name;

        public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
        {
            await prepare(context.Page, context.Item);
            return await bot.ProcessAsync(context, cancellationToken);
        }
    }
}
