using Automation.Engine.Persistence;

namespace Automation.Storage.Tests;

/// <summary>
/// The behaviour every store must share, run against each store by a subclass. The fixture owns one fresh store;
/// tests use unique ids so they never see each other's data, and tests that look at the whole store
/// (emptiness, due timers, recovery) open a fresh store of their own.
/// </summary>
public abstract partial class StoreContractTests
{
    private StoreSet stores = null!;

    protected IDefinitionStore Definitions => stores.Definitions;
    protected IInstanceStore Instances => stores.Instances;
    protected ITaskStore Tasks => stores.Tasks;
    protected IApiKeyStore ApiKeys => stores.ApiKeys;
    protected Automation.Engine.Credentials.ICredentialStore Credentials => stores.Credentials;
    protected IStoreInitializer Initializer => stores.Initializer;
    protected Automation.Engine.Triggers.ITriggerStore Triggers => stores.Triggers;
    protected Automation.Engine.Documents.IDocumentStore Documents => stores.Documents;
    protected Automation.Engine.Queues.IWorkQueueStore Queues => stores.Queues;
    protected Automation.Engine.Queues.IQueueEvidenceStore Evidence => stores.Evidence;
    protected Automation.Engine.Bots.IBotWorkerStore BotWorkers => stores.BotWorkers;

    /// <summary>Opens a fresh, initialized store (a new database or file each call); the caller disposes it.</summary>
    protected abstract Task<StoreSet> OpenFreshAsync();

    [OneTimeSetUp]
    public async Task OpenStoreAsync() => stores = await OpenFreshAsync();

    [OneTimeTearDown]
    public async Task CloseStoreAsync() => await stores.DisposeAsync();
}
