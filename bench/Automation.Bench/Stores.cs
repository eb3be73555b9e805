using Automation.Engine.Activities.Framework;
using Automation.Engine.Hosting;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Runtime;
using Automation.Engine.Validation;
using Automation.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bench;

/// <summary>The stores a scenario can run on.</summary>
internal enum StoreKind
{
    Memory,
    Sqlite,
    /// <summary>PostgreSQL with fsync and synchronous_commit off (benchmark setting, not for production).</summary>
    Postgres,
    /// <summary>PostgreSQL with production durability: fsync on, synchronous_commit on.</summary>
    PostgresDurable,
}

/// <summary>One engine wired to one fresh store.</summary>
internal sealed class Engine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<ValueTask> _cleanup;

    private Engine(ServiceProvider services, string storeLabel, Func<ValueTask> cleanup)
    {
        _services = services;
        _cleanup = cleanup;
        StoreLabel = storeLabel;
        Runtime = services.GetRequiredService<IWorkflowRuntime>();
        Definitions = services.GetRequiredService<IDefinitionStore>();
        Instances = services.GetRequiredService<IInstanceStore>();
    }

    public string StoreLabel { get; }
    public IWorkflowRuntime Runtime { get; }
    public IDefinitionStore Definitions { get; }
    public IInstanceStore Instances { get; }

    /// <summary>Creates an engine on a fresh, empty store of <paramref name="kind"/>.</summary>
    public static async Task<Engine> CreateAsync(StoreKind kind, bool detailedJournal, Servers servers, bool timed = false, bool discardJournal = false)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWorkflowEngine(o => o.DetailedJournal = detailedJournal);
        string label;
        Func<ValueTask> cleanup = () => ValueTask.CompletedTask;
        switch (kind)
        {
            case StoreKind.Memory:
                var store = new InMemoryStore();
                services.AddSingleton<IDefinitionStore>(new InMemoryDefinitionStore(store));
                services.AddSingleton<IInstanceStore>(new InMemoryInstanceStore(store));
                services.AddSingleton<ITaskStore>(new InMemoryTaskStore(store));
                label = "memory";
                break;
            default:
                (label, cleanup) = await servers.AddStorageAsync(kind, services).ConfigureAwait(false);
                break;
        }
        if (discardJournal)
            Decorate<IInstanceStore>(services, inner => new DiscardJournalStore(inner));
        if (timed)
        {
            Decorate<IDefinitionStore>(services, inner => new TimedDefinitionStore(inner));
            Decorate<IInstanceStore>(services, inner => new TimedInstanceStore(inner));
        }
        var provider = services.BuildServiceProvider();
        if (provider.GetService<IStoreInitializer>() is { } initializer) await initializer.InitializeAsync().ConfigureAwait(false);
        return new Engine(provider, label, async () =>
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            await cleanup().ConfigureAwait(false);
        });
    }

    /// <summary>Validates, saves and publishes a definition.</summary>
    public async Task<DefinitionVersion> PublishAsync(WorkflowDefinition definition)
    {
        var errors = new WorkflowValidator(_services.GetRequiredService<ActivityRegistry>()).Validate(definition);
        if (errors.Count > 0) throw new InvalidOperationException($"Bench flow {definition.Id} is invalid: {string.Join("; ", errors)}");
        await Definitions.SaveDraftAsync(definition, "bench").ConfigureAwait(false);
        return (await Definitions.PublishAsync(definition.Id, null, "bench").ConfigureAwait(false))!;
    }

    public ValueTask DisposeAsync() => _cleanup();

    /// <summary>Replaces the last registration of <typeparamref name="T"/> with <paramref name="wrap"/> around it.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(descriptor);
        services.AddSingleton(sp => wrap((T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!))));
    }
}

/// <summary>
/// Diagnostic only: passes every commit on without its journal entries, so a run shows what keeping the journal costs
/// the store (in memory: the garbage collector's work on objects that live as long as the store).
/// </summary>
internal sealed class DiscardJournalStore(IInstanceStore inner) : IInstanceStore
{
    public Task CommitAsync(InstanceCommit commit, CancellationToken c = default) => inner.CommitAsync(new InstanceCommit
    {
        Instance = commit.Instance, ExpectedVersion = commit.ExpectedVersion, AddedBookmarks = commit.AddedBookmarks, RemovedBookmarkIds = commit.RemovedBookmarkIds,
        AddedTasks = commit.AddedTasks, UpdatedTasks = commit.UpdatedTasks, LeaseOwner = commit.LeaseOwner, LeaseUntil = commit.LeaseUntil,
    }, c);
    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken c = default) => inner.GetAsync(id, c);
    public Task<Page<InstanceSummary>> ListAsync(InstanceQuery q, CancellationToken c = default) => inner.ListAsync(q, c);
    public Task<IReadOnlyList<InstanceSummary>> ListChildrenAsync(string id, CancellationToken c = default) => inner.ListChildrenAsync(id, c);
    public Task<bool> TryAcquireLeaseAsync(string id, string o, DateTimeOffset n, DateTimeOffset u, CancellationToken c = default) => inner.TryAcquireLeaseAsync(id, o, n, u, c);
    public Task<bool> RenewLeaseAsync(string id, string o, DateTimeOffset u, CancellationToken c = default) => inner.RenewLeaseAsync(id, o, u, c);
    public Task<IReadOnlyList<string>> FindRecoverableAsync(DateTimeOffset n, int l, CancellationToken c = default) => inner.FindRecoverableAsync(n, l, c);
    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string k, string? n, string? co, CancellationToken c = default) => inner.FindBookmarksAsync(k, n, co, c);
    public Task<Bookmark?> GetBookmarkAsync(string id, CancellationToken c = default) => inner.GetBookmarkAsync(id, c);
    public Task<ResumeTarget?> GetResumeTargetAsync(string id, CancellationToken c = default) => inner.GetResumeTargetAsync(id, c);
    public Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset a, CancellationToken c = default) => inner.GetNextDueAsync(a, c);
    public Task<IReadOnlyList<Bookmark>> ClaimDueBookmarksAsync(string o, DateTimeOffset d, DateTimeOffset e, DateTimeOffset u, int l, CancellationToken c = default) => inner.ClaimDueBookmarksAsync(o, d, e, u, l, c);
    public Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(string o, DateTimeOffset n, Bookmark? a, int l, CancellationToken c = default) => inner.FindDueBookmarksAsync(o, n, a, l, c);
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string id, long a = 0, int l = 1000, CancellationToken c = default) => inner.GetJournalAsync(id, a, l, c);
}
