using System.Diagnostics;
using System.Text.Json;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Engine.Serialization;

namespace Automation.Bench;

/// <summary>(d) Start and list latency on a store with many versions and instances, against a near-empty store.</summary>
internal static class ScaleBench
{
    public const string DefinitionId = "bench-scale";
    private const int PageSize = 50;
    private const int BaselineInstances = 120;
    private const double Limit = 1.5;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(StoreKind kind, Settings settings, Servers servers, Table table)
    {
        var templates = await Templates.CreateAsync().ConfigureAwait(false);
        Console.WriteLine($"  (d) scale on {kind}: near-empty store...");
        Measures empty;
        string label;
        await using (var engine = await Engine.CreateAsync(kind, detailedJournal: true, servers).ConfigureAwait(false))
        {
            label = engine.StoreLabel;
            await engine.PublishAsync(Flows.Linear(DefinitionId)).ConfigureAwait(false);
            // Enough rows that each listed page is full: half Suspended (the filtered page), half Finished.
            await LoadAsync(engine.Instances, templates, BaselineInstances, i => (DefinitionId, 1, i % 2 == 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished), 4).ConfigureAwait(false);
            empty = await MeasureAsync(engine).ConfigureAwait(false);
        }

        Console.WriteLine($"  (d) scale on {kind}: publishing {settings.ScaleVersions:N0} versions and loading {settings.ScaleInstances:N0} instances...");
        Measures large;
        double publishSeconds, loadSeconds;
        await using (var engine = await Engine.CreateAsync(kind, detailedJournal: true, servers).ConfigureAwait(false))
        {
            var clock = Stopwatch.StartNew();
            for (var v = 1; v <= settings.ScaleVersions; v++)
                await engine.PublishAsync(Flows.Linear(DefinitionId, $" (version {v})")).ConfigureAwait(false);
            publishSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var versions = settings.ScaleVersions;
            await LoadAsync(engine.Instances, templates, settings.ScaleInstances, i => Pick(i, versions), kind == StoreKind.Memory ? 2 : 8).ConfigureAwait(false);
            loadSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"    {settings.ScaleVersions:N0} versions in {publishSeconds:0.0} s; {settings.ScaleInstances:N0} instances in {loadSeconds:0.0} s ({settings.ScaleInstances / loadSeconds:N0}/s)");
            large = await MeasureAsync(engine).ConfigureAwait(false);
        }

        Row(table, label, "Start (Wait, 10 activities) of the published version", empty.Start, large.Start);
        Row(table, label, $"List first page ({PageSize}, newest first)", empty.List, large.List);
        Row(table, label, "List filtered page (definition + status Suspended)", empty.Filtered, large.Filtered);
        table.Notes.Add($"{label}: {settings.ScaleVersions:N0} versions published in {publishSeconds:0.0} s; {settings.ScaleInstances:N0} instances bulk-loaded through IInstanceStore.CommitAsync " +
                        $"in {loadSeconds:0.0} s ({settings.ScaleInstances / loadSeconds:N0}/s, {(kind == StoreKind.Memory ? 2 : 8)} parallel committers).");
    }

    /// <summary>The definition, version and status of bulk instance <paramref name="i"/>.</summary>
    /// <remarks>
    /// Half the instances belong to the measured definition (spread over all its versions), half to nine others;
    /// statuses: 85 % finished, 8 % suspended, 5 % faulted, 2 % running.
    /// </remarks>
    private static (string DefinitionId, int Version, WorkflowStatus Status) Pick(int i, int versions)
    {
        var bucket = (int)((uint)(i * 2654435761u) % 100);
        var status = bucket switch
        {
            < 85 => WorkflowStatus.Finished,
            < 93 => WorkflowStatus.Suspended,
            < 98 => WorkflowStatus.Faulted,
            _ => WorkflowStatus.Running,
        };
        return i % 2 == 0 ? (DefinitionId, 1 + i / 2 % versions, status) : ($"bench-other-{i % 9}", 1, status);
    }

    private static void Row(Table table, string store, string measure, LoadResult empty, LoadResult large)
    {
        var r50 = large.Percentile(50) / empty.Percentile(50);
        var r99 = large.Percentile(99) / empty.Percentile(99);
        table.Add(store, measure, Fmt.Ms(empty.Percentile(50)), Fmt.Ms(empty.Percentile(99)), Fmt.Ms(large.Percentile(50)), Fmt.Ms(large.Percentile(99)),
            Fmt.Ratio(r50), Fmt.Ratio(r99), "≤ " + Fmt.Ratio(Limit), r50 <= Limit ? "pass" : "FAIL");
    }

    private sealed record Measures(LoadResult Start, LoadResult List, LoadResult Filtered);

    private static async Task<Measures> MeasureAsync(Engine engine)
    {
        var list = await Harness.LatencyAsync(Warmup, Duration, async () =>
        {
            var page = await engine.Instances.ListAsync(new InstanceQuery { PageSize = PageSize }).ConfigureAwait(false);
            if (page.Items.Count != PageSize) throw new InvalidOperationException($"First page has {page.Items.Count} rows.");
        }).ConfigureAwait(false);
        var filtered = await Harness.LatencyAsync(Warmup, Duration, async () =>
        {
            var page = await engine.Instances.ListAsync(new InstanceQuery { PageSize = PageSize, DefinitionId = DefinitionId, Status = WorkflowStatus.Suspended }).ConfigureAwait(false);
            if (page.Items.Count != PageSize || page.Items.Any(s => s.Status != WorkflowStatus.Suspended || s.DefinitionId != DefinitionId))
                throw new InvalidOperationException($"Filtered page has {page.Items.Count} rows or wrong ones.");
        }).ConfigureAwait(false);
        var request = new StartRequest { DefinitionId = DefinitionId, Wait = true };
        var start = await Harness.LatencyAsync(Warmup, Duration, async () =>
        {
            var instance = await engine.Runtime.StartAsync(request).ConfigureAwait(false);
            if (instance.Status != WorkflowStatus.Finished) throw new InvalidOperationException($"Instance is {instance.Status}.");
        }).ConfigureAwait(false);
        foreach (var (name, r) in new[] { ("list", list), ("filtered", filtered), ("start", start) })
            if (r.Errors > 0) throw new InvalidOperationException($"Scale measure '{name}' failed {r.Errors} times: {r.FirstError}");
        return new Measures(start, list, filtered);
    }

    /// <summary>Commits <paramref name="count"/> instances, oldest first, from <paramref name="parallel"/> committers.</summary>
    private static async Task LoadAsync(IInstanceStore store, Templates templates, int count,
        Func<int, (string DefinitionId, int Version, WorkflowStatus Status)> pick, int parallel)
    {
        var now = DateTimeOffset.UtcNow;
        var done = 0;
        var progress = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var (definitionId, version, status) = pick(i);
            // Spread over the past, ~10 s apart, so that the store's newest-first order is the load order.
            var created = now.AddSeconds(-10.0 * (count - i)).AddMinutes(-5);
            await store.CommitAsync(templates.Make(definitionId, version, status, created), ct).ConfigureAwait(false);
            var n = Interlocked.Increment(ref done);
            if (n % 50_000 == 0) Console.WriteLine($"    loaded {n:N0} ({n / progress.Elapsed.TotalSeconds:N0}/s)");
        }).ConfigureAwait(false);
    }

    /// <summary>Instances as the engine leaves them, captured from real runs on an in-memory engine, to copy in bulk.</summary>
    private sealed class Templates
    {
        private byte[] _finished = [];
        private byte[] _suspended = [];

        public static async Task<Templates> CreateAsync()
        {
            await using var engine = await Engine.CreateAsync(StoreKind.Memory, detailedJournal: true, new Servers()).ConfigureAwait(false);
            await engine.PublishAsync(Flows.Linear(DefinitionId)).ConfigureAwait(false);
            await engine.PublishAsync(Flows.Signal()).ConfigureAwait(false);
            var finished = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = DefinitionId, Wait = true }).ConfigureAwait(false);
            var suspended = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = Flows.SignalId, Wait = true }).ConfigureAwait(false);
            return new Templates
            {
                _finished = JsonSerializer.SerializeToUtf8Bytes(finished, EngineJson.Options),
                _suspended = JsonSerializer.SerializeToUtf8Bytes(suspended, EngineJson.Options),
            };
        }

        public InstanceCommit Make(string definitionId, int version, WorkflowStatus status, DateTimeOffset created)
        {
            var instance = JsonSerializer.Deserialize<WorkflowInstance>(status == WorkflowStatus.Suspended ? _suspended : _finished, EngineJson.Options)!;
            instance.Id = Guid.CreateVersion7(created).ToString("N");
            instance.DefinitionId = definitionId;
            instance.DefinitionVersion = version;
            instance.Status = status;
            instance.Version = 0;
            instance.CreatedAt = created;
            instance.UpdatedAt = created.AddSeconds(1);
            instance.FinishedAt = status is WorkflowStatus.Finished or WorkflowStatus.Faulted ? created.AddSeconds(1) : null;
            if (status == WorkflowStatus.Faulted) instance.FaultMessage = "Activity 'step3' failed after 3 attempt(s): bench fault";
            if (status == WorkflowStatus.Running) instance.Output = null;
            var bookmarks = new List<Bookmark>();
            foreach (var b in instance.State.Bookmarks)
            {
                b.Id = Guid.CreateVersion7(created).ToString("N");
                b.InstanceId = instance.Id;
                b.CreatedAt = created;
                bookmarks.Add(b);
            }
            return new InstanceCommit
            {
                Instance = instance,
                ExpectedVersion = 0,
                AddedBookmarks = bookmarks,
                // A Running instance holds a live lease so that no recovery picks it up.
                LeaseOwner = status == WorkflowStatus.Running ? "bench-bulk-load" : null,
                LeaseUntil = status == WorkflowStatus.Running ? created.AddYears(10) : null,
            };
        }
    }
}
