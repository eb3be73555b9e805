using System.Collections.Concurrent;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Bench;

/// <summary>When each instance's timer was resumed (its resume committed), by which node, and the resumes that lost a race.</summary>
internal sealed class ResumeLog
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string Node)> _resumed = new(StringComparer.Ordinal);
    private long _lost;
    private long _duplicates;

    public IReadOnlyDictionary<string, (DateTimeOffset At, string Node)> Resumed => _resumed;

    /// <summary>Resumes whose commit found the instance changed by another node: work done and thrown away.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Instances whose timer was committed as resumed twice (must stay 0).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void Record(string instanceId, DateTimeOffset at, string node)
    {
        if (!_resumed.TryAdd(instanceId, (at, node))) Interlocked.Increment(ref _duplicates);
    }

    public void RecordLost() => Interlocked.Increment(ref _lost);
}

/// <summary>
/// Passes every call to the node's real store and notes in <see cref="ResumeLog"/> each commit that resumed a timer
/// (the moment it became durable) and each commit that lost its version race.
/// </summary>
internal sealed class ResumeRecorder(IInstanceStore inner, ResumeLog log, string node, TimeProvider clock) : IInstanceStore
{
    public async Task CommitAsync(InstanceCommit commit, CancellationToken c = default)
    {
        try
        {
            await inner.CommitAsync(commit, c).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            log.RecordLost();
            throw;
        }
        foreach (var entry in commit.Journal)
        {
            if (entry.Kind == JournalEventKind.BookmarkResumed && entry.Data?["kind"]?.GetValue<string>() == BookmarkKinds.Timer)
            {
                log.Record(commit.Instance.Id, clock.GetUtcNow(), node);
                break;
            }
        }
    }

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
