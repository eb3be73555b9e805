using Automation.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Storage.Tests;

/// <summary>The four stores and the initializer of one fresh, initialized store, built through <c>AddAutomationStorage</c>.</summary>
public sealed class StoreSet : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly Func<ValueTask>? cleanup;

    private StoreSet(ServiceProvider provider, Func<ValueTask>? cleanup)
    {
        this.provider = provider;
        this.cleanup = cleanup;
    }

    public IDefinitionStore Definitions => provider.GetRequiredService<IDefinitionStore>();
    public IInstanceStore Instances => provider.GetRequiredService<IInstanceStore>();
    public ITaskStore Tasks => provider.GetRequiredService<ITaskStore>();
    public IApiKeyStore ApiKeys => provider.GetRequiredService<IApiKeyStore>();
    public Automation.Engine.Credentials.ICredentialStore Credentials => provider.GetRequiredService<Automation.Engine.Credentials.ICredentialStore>();
    public IInstanceStatistics Statistics => provider.GetRequiredService<IInstanceStatistics>();
    public IStoreInitializer Initializer => provider.GetRequiredService<IStoreInitializer>();
    public Automation.Engine.Triggers.ITriggerStore Triggers => provider.GetRequiredService<Automation.Engine.Triggers.ITriggerStore>();
    public Automation.Engine.Documents.IDocumentStore Documents => provider.GetRequiredService<Automation.Engine.Documents.IDocumentStore>();
    public Automation.Engine.Queues.IWorkQueueStore Queues => provider.GetRequiredService<Automation.Engine.Queues.IWorkQueueStore>();
    public Automation.Engine.Queues.IQueueEvidenceStore Evidence => provider.GetRequiredService<Automation.Engine.Queues.IQueueEvidenceStore>();
    public Automation.Engine.Bots.IBotWorkerStore BotWorkers => provider.GetRequiredService<Automation.Engine.Bots.IBotWorkerStore>();

    /// <summary>Where the store lives: the SQLite file or the PostgreSQL connection string (null in memory).</summary>
    public string? Location { get; private init; }

    /// <summary>Registers the stores <paramref name="options"/> choose and runs their initializer.</summary>
    public static async Task<StoreSet> OpenAsync(StorageOptions options, Func<ValueTask>? cleanup = null)
    {
        var provider = new ServiceCollection().AddAutomationStorage(options).BuildServiceProvider();
        var location = options.Store switch
        {
            "postgres" => options.ConnectionString,
            "memory" => null,
            _ => options.ConnectionString ?? Path.GetFullPath(Path.Combine(options.DataDirectory, "automation.db")),
        };
        var set = new StoreSet(provider, cleanup) { Location = location };
        await set.Initializer.InitializeAsync();
        return set;
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (cleanup is not null)
        {
            await cleanup();
        }
    }
}
