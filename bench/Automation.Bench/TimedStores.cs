using System.Collections.Concurrent;
using System.Diagnostics;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Bench;

/// <summary>Time and calls spent in each store method, to split a scenario's time between the engine and its store.</summary>
internal static class StoreTimings
{
    private static readonly ConcurrentDictionary<string, StrongBox> Entries = new();

    public static void Reset() => Entries.Clear();

    /// <summary>Times <paramref name="call"/> from before it starts (so synchronous work counts) until it completes.</summary>
    public static async Task<T> Time<T>(string name, Func<Task<T>> call)
    {
        var (t0, c0, thread) = (Stopwatch.GetTimestamp(), ThreadCpu.Nanoseconds(), Environment.CurrentManagedThreadId);
        try { return await call().ConfigureAwait(false); }
        finally { Add(name, Stopwatch.GetTimestamp() - t0, thread == Environment.CurrentManagedThreadId ? ThreadCpu.Nanoseconds() - c0 : 0); }
    }

    /// <summary>Times <paramref name="call"/> from before it starts until it completes.</summary>
    public static async Task Time(string name, Func<Task> call)
    {
        var (t0, c0, thread) = (Stopwatch.GetTimestamp(), ThreadCpu.Nanoseconds(), Environment.CurrentManagedThreadId);
        try { await call().ConfigureAwait(false); }
        finally { Add(name, Stopwatch.GetTimestamp() - t0, thread == Environment.CurrentManagedThreadId ? ThreadCpu.Nanoseconds() - c0 : 0); }
    }

    private static void Add(string name, long ticks, long cpuNs)
    {
        var box = Entries.GetOrAdd(name, _ => new StrongBox());
        Interlocked.Add(ref box.Ticks, ticks);
        Interlocked.Add(ref box.CpuNs, cpuNs);
        Interlocked.Increment(ref box.Calls);
    }

    /// <summary>(method, calls, total wall ms, total thread-CPU ms when the call completed on its own thread) sorted by time.</summary>
    public static IEnumerable<(string Name, long Calls, double Ms, double CpuMs)> Snapshot() =>
        Entries.Select(e => (e.Key, e.Value.Calls, e.Value.Ticks * 1000.0 / Stopwatch.Frequency, e.Value.CpuNs / 1e6)).OrderByDescending(e => e.Item3);

    private sealed class StrongBox
    {
        public long Ticks;
        public long Calls;
        public long CpuNs;
    }
}

/// <summary>An <see cref="IDefinitionStore"/> that times every call.</summary>
internal sealed class TimedDefinitionStore(IDefinitionStore inner) : IDefinitionStore
{
    public Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition d, string? u, CancellationToken c = default) => inner.SaveDraftAsync(d, u, c);
    public Task<DefinitionVersion?> PublishAsync(string id, string? cm, string? u, CancellationToken c = default) => inner.PublishAsync(id, cm, u, c);
    public Task<DefinitionVersion?> GetLatestAsync(string id, CancellationToken c = default) => Timed("def.GetLatest", () => inner.GetLatestAsync(id, c));
    public Task<DefinitionVersion?> GetPublishedAsync(string id, CancellationToken c = default) => Timed("def.GetPublished", () => inner.GetPublishedAsync(id, c));
    public Task<DefinitionVersion?> GetVersionAsync(string id, int v, CancellationToken c = default) => Timed("def.GetVersion", () => inner.GetVersionAsync(id, v, c));
    public Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string id, CancellationToken c = default) => inner.ListVersionsAsync(id, c);
    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(string? s, CancellationToken c = default) => inner.ListAsync(s, c);
    public Task<bool> DeleteAsync(string id, CancellationToken c = default) => inner.DeleteAsync(id, c);
    public Task<bool> IsEmptyAsync(CancellationToken c = default) => inner.IsEmptyAsync(c);

    private static Task<TR> Timed<TR>(string name, Func<Task<TR>> call) => StoreTimings.Time(name, call);
}

/// <summary>An <see cref="IInstanceStore"/> that times every call.</summary>
internal sealed class TimedInstanceStore(IInstanceStore inner) : IInstanceStore
{
    public Task CommitAsync(InstanceCommit commit, CancellationToken c = default) => StoreTimings.Time("inst.Commit", () => inner.CommitAsync(commit, c));
    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken c = default) => StoreTimings.Time("inst.Get", () => inner.GetAsync(id, c));
    public Task<Page<InstanceSummary>> ListAsync(InstanceQuery q, CancellationToken c = default) => StoreTimings.Time("inst.List", () => inner.ListAsync(q, c));
    public Task<IReadOnlyList<InstanceSummary>> ListChildrenAsync(string id, CancellationToken c = default) => StoreTimings.Time("inst.ListChildren", () => inner.ListChildrenAsync(id, c));
    public Task<bool> TryAcquireLeaseAsync(string id, string o, DateTimeOffset n, DateTimeOffset u, CancellationToken c = default) => inner.TryAcquireLeaseAsync(id, o, n, u, c);
    public Task<bool> RenewLeaseAsync(string id, string o, DateTimeOffset u, CancellationToken c = default) => inner.RenewLeaseAsync(id, o, u, c);
    public Task<IReadOnlyList<string>> FindRecoverableAsync(DateTimeOffset n, int l, CancellationToken c = default) => inner.FindRecoverableAsync(n, l, c);
    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string k, string? n, string? co, CancellationToken c = default) => StoreTimings.Time("inst.FindBookmarks", () => inner.FindBookmarksAsync(k, n, co, c));
    public Task<Bookmark?> GetBookmarkAsync(string id, CancellationToken c = default) => StoreTimings.Time("inst.GetBookmark", () => inner.GetBookmarkAsync(id, c));
    public Task<ResumeTarget?> GetResumeTargetAsync(string id, CancellationToken c = default) => StoreTimings.Time("inst.GetResumeTarget", () => inner.GetResumeTargetAsync(id, c));
    public Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset a, CancellationToken c = default) => inner.GetNextDueAsync(a, c);
    public Task<IReadOnlyList<Bookmark>> ClaimDueBookmarksAsync(string o, DateTimeOffset d, DateTimeOffset e, DateTimeOffset u, int l, CancellationToken c = default) => inner.ClaimDueBookmarksAsync(o, d, e, u, l, c);
    public Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(string o, DateTimeOffset n, Bookmark? a, int l, CancellationToken c = default) => inner.FindDueBookmarksAsync(o, n, a, l, c);
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string id, long a = 0, int l = 1000, CancellationToken c = default) => inner.GetJournalAsync(id, a, l, c);
}
