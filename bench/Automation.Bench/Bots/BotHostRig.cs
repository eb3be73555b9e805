using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Bots;
using Automation.Engine.Credentials;
using Automation.Engine.Documents;
using Automation.Engine.Hosting;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Engine.Runtime;
using Automation.Storage;
using Automation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Automation.Bench.Bots;

/// <summary>
/// What the server gives its bot host, built here without the web server: a SQLite store in a temporary folder (work
/// queues, the bot registry, evidence documents), the workflow runtime (for business-exception reviews; none is
/// configured here), a credential vault and the shared browser. <see cref="RunAsync"/> starts the product's
/// <see cref="BotHost"/> with one pool, waits until every item is settled and stops it.
/// </summary>
internal sealed class BotHostRig : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly ServiceProvider _services;
    private readonly BrowserPool _browser;

    private BotHostRig(TempDirectory folder, ServiceProvider services, BrowserPool browser, CredentialVault vault)
    {
        _folder = folder;
        _services = services;
        _browser = browser;
        Vault = vault;
    }

    /// <summary>The store's work queues.</summary>
    public IWorkQueueStore Queues => _services.GetRequiredService<IWorkQueueStore>();

    /// <summary>The vault the bots read their credentials from.</summary>
    public CredentialVault Vault { get; }

    public static async Task<BotHostRig> StartAsync(BrowserPool browser)
    {
        var folder = new TempDirectory("bench-bots");
        var services = new ServiceCollection()
            // Warnings only: a system exception on an item is logged by the worker loop, and that should show.
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true))
            .AddAutomationStorage(new StorageOptions { Store = StorageOptions.Sqlite, DataDirectory = folder.Path })
            .AddWorkflowEngine()
            .BuildServiceProvider();
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync().ConfigureAwait(false);
        var vault = new CredentialVault(services.GetRequiredService<ICredentialStore>(), new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);
        return new BotHostRig(folder, services, browser, vault);
    }

    /// <summary>
    /// Creates queue <paramref name="queue"/> (one attempt per item, so that every failure stays visible), adds
    /// <paramref name="items"/>, runs <paramref name="workers"/> workers of the case's bot over it in a bot host until
    /// every item is Successful or Failed, then stops the host. Returns the items as settled and when the host started.
    /// </summary>
    /// <exception cref="TimeoutException">The items were not all settled within <paramref name="timeout"/>.</exception>
    public async Task<(IReadOnlyList<QueueItem> Items, DateTimeOffset Started)> RunAsync(BotBenchCase botCase, string queue, IReadOnlyList<NewQueueItem> items, int workers, TimeSpan timeout)
    {
        await Queues.SaveQueueAsync(new WorkQueue { Name = queue, MaxAttempts = 1, DataSchema = botCase.DataSchema }, DateTimeOffset.UtcNow).ConfigureAwait(false);
        var added = await Queues.AddItemsAsync(queue, items, "bench", DateTimeOffset.UtcNow).ConfigureAwait(false);
        if (added.Added.Count != items.Count) throw new InvalidOperationException($"Queue {queue} took {added.Added.Count} of {items.Count} items (ignored: {string.Join(", ", added.IgnoredReferences)}).");
        var ids = added.Added.Select(i => i.Id).ToHashSet();

        var options = new BotHostOptions
        {
            Pools = [new BotPoolOptions { Bot = botCase.Bot.Name, Queue = queue, Workers = workers, Settings = botCase.Settings }],
        };
        var s = _services;
        await using var host = new BotHost(Microsoft.Extensions.Options.Options.Create(options), [botCase.Bot], Queues, s.GetRequiredService<IQueueEvidenceStore>(),
            s.GetRequiredService<IBotWorkerStore>(), _browser, Vault, s.GetRequiredService<IWorkflowRuntime>(), s.GetRequiredService<IInstanceStore>(), TimeProvider.System,
            s.GetRequiredService<ILoggerFactory>(), s.GetRequiredService<IDocumentStore>());
        var started = DateTimeOffset.UtcNow;
        await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var now = (await Queues.ListItemsAsync(queue, new QueueItemQuery(), null, ids.Count + 10).ConfigureAwait(false)).Items.Where(i => ids.Contains(i.Id)).ToList();
                if (now.Count == ids.Count && now.All(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed)) return (now, started);
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{botCase.Bot.Name}, {workers} worker(s): {now.Count(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed)} of {ids.Count} items settled within {timeout}.");
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
