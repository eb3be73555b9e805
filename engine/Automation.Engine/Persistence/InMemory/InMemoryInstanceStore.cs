using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Automation.Engine.Model;
using Automation.Engine.Serialization;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>
/// Instances, bookmarks and journals kept in an <see cref="InMemoryStore"/>, with the SQL stores' rules: optimistic
/// concurrency, leases, keyset paging and bookmark lookups.
/// </summary>
/// <remarks>
/// A commit stores the instance, and its journal entries, as UTF-8 JSON (one serialization each, no object graph
/// kept), and every read deserializes a fresh copy, so callers never share stored state. Bookmarks and tasks are
/// copied on commit. Journal entries are append-only.
/// </remarks>
public sealed class InMemoryInstanceStore(InMemoryStore store) : IInstanceStore
{
    private static readonly JsonTypeInfo<WorkflowInstance> InstanceJson =
        (JsonTypeInfo<WorkflowInstance>)EngineJson.Options.GetTypeInfo(typeof(WorkflowInstance));

    private static readonly JsonTypeInfo<IReadOnlyList<JournalEntry>> JournalJson =
        (JsonTypeInfo<IReadOnlyList<JournalEntry>>)EngineJson.Options.GetTypeInfo(typeof(IReadOnlyList<JournalEntry>));

    /// <inheritdoc />
    public Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        ArgumentException.ThrowIfNullOrWhiteSpace(instance.Id, "commit.Instance.Id");
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion, "commit.ExpectedVersion");

        var json = JsonSerializer.SerializeToUtf8Bytes(instance, InstanceJson);
        var bookmarks = Copy(commit.AddedBookmarks, b => ModelCopies.Copy(b, instance.Id));
        var addedTasks = Copy(commit.AddedTasks, t => ModelCopies.Copy(t, instance.Id));
        var updatedTasks = Copy(commit.UpdatedTasks, t => ModelCopies.Copy(t, instance.Id));
        var journal = Serialize(commit.Journal);
        var newVersion = commit.ExpectedVersion + 1;

        lock (store.Gate)
        {
            store.Instances.TryGetValue(instance.Id, out var record);
            if (commit.ExpectedVersion == 0 ? record is not null : record is null || record.Version != commit.ExpectedVersion)
            {
                throw new ConcurrencyException(instance.Id, commit.ExpectedVersion);
            }

            if (record is null)
            {
                record = new InstanceRecord
                {
                    Id = instance.Id,
                    DefinitionId = instance.DefinitionId,
                    CreatedMs = StoreTime.ToUnixMs(instance.CreatedAt),
                    Json = json,
                };
                store.Instances.Add(record.Id, record);
                store.InstancesNewestFirst.Add((record.CreatedMs, record.Id));
            }

            record.DefinitionId = instance.DefinitionId;
            record.DefinitionVersion = instance.DefinitionVersion;
            record.Status = instance.Status;
            record.CorrelationId = instance.CorrelationId;
            record.ParentInstanceId = instance.ParentInstanceId;
            record.UpdatedMs = StoreTime.ToUnixMs(instance.UpdatedAt);
            record.FinishedMs = StoreTime.ToUnixMs(instance.FinishedAt);
            record.FaultMessage = instance.FaultMessage;
            record.Version = newVersion;
            record.LeaseOwner = commit.LeaseOwner;
            record.LeaseUntilMs = commit.LeaseOwner is null ? 0 : StoreTime.ToUnixMs(commit.LeaseUntil) ?? 0;
            record.Json = json;

            foreach (var id in commit.RemovedBookmarkIds)
            {
                if (store.Bookmarks.TryGetValue(id, out var b) && b.InstanceId == instance.Id)
                {
                    store.RemoveBookmark(id);
                }
            }

            foreach (var b in bookmarks)
            {
                store.AddBookmark(b);
            }

            if (journal is not null)
            {
                AppendJournal(instance.Id, journal);
            }

            foreach (var t in addedTasks)
            {
                store.Tasks[t.Id] = t;
            }

            foreach (var t in updatedTasks)
            {
                store.Tasks[t.Id] = t;
            }
        }

        instance.Version = newVersion;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        StoredInstance stored;
        lock (store.Gate)
        {
            if (!store.Instances.TryGetValue(instanceId, out var record))
            {
                return Task.FromResult<WorkflowInstance?>(null);
            }

            stored = new StoredInstance(record);
        }

        return Task.FromResult<WorkflowInstance?>(stored.ToInstance());
    }

    /// <inheritdoc />
    public Task<ResumeTarget?> GetResumeTargetAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        Bookmark bookmark;
        StoredInstance stored;
        VersionRecord? version = null;
        lock (store.Gate)
        {
            if (!store.Bookmarks.TryGetValue(bookmarkId, out var b) || !store.Instances.TryGetValue(b.InstanceId, out var record))
            {
                return Task.FromResult<ResumeTarget?>(null);
            }

            bookmark = ModelCopies.Copy(b, b.InstanceId);
            stored = new StoredInstance(record);
            if (store.Definitions.TryGetValue(record.DefinitionId, out var definition)
                && record.DefinitionVersion >= 1 && record.DefinitionVersion <= definition.Versions.Count)
            {
                version = definition.Versions[record.DefinitionVersion - 1];
            }
        }

        // Version records are immutable (replaced on change), so the copies are made outside the lock.
        return Task.FromResult<ResumeTarget?>(new ResumeTarget(bookmark, stored.ToInstance(), version?.ToModel()));
    }

    /// <summary>What a read takes from an <see cref="InstanceRecord"/> under the lock; deserialized after it.</summary>
    private readonly struct StoredInstance(InstanceRecord record)
    {
        private readonly byte[] _json = record.Json;
        private readonly long _version = record.Version;
        private readonly long _created = record.CreatedMs;
        private readonly long _updated = record.UpdatedMs;
        private readonly long? _finished = record.FinishedMs;

        public WorkflowInstance ToInstance()
        {
            var instance = JsonSerializer.Deserialize(_json, InstanceJson)!;
            instance.Version = _version;
            instance.CreatedAt = StoreTime.FromUnixMs(_created);
            instance.UpdatedAt = StoreTime.FromUnixMs(_updated);
            instance.FinishedAt = StoreTime.FromUnixMs(_finished);
            return instance;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The cursor is not one this store made.</exception>
    public Task<Page<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cursor = KeysetCursor.Decode(query.Cursor);
        var size = KeysetCursor.ClampPageSize(query.PageSize);
        var fromMs = StoreTime.ToUnixMs(query.From) ?? long.MinValue;
        var toMs = StoreTime.ToUnixMs(query.To) ?? long.MaxValue;
        var items = new List<InstanceSummary>(size + 1);
        lock (store.Gate)
        {
            var keys = cursor is { } c && store.InstancesNewestFirst.Count > 0
                ? store.InstancesNewestFirst.GetViewBetween((c.CreatedAtMs, c.Id), (long.MinValue, ""))
                : store.InstancesNewestFirst;
            foreach (var (createdMs, id) in keys)
            {
                if (createdMs < fromMs || items.Count > size)
                {
                    break;
                }

                if (createdMs >= toMs || (cursor is { } cur && !cur.IsBefore(createdMs, id)))
                {
                    continue;
                }

                var r = store.Instances[id];
                if ((query.Status is null || r.Status == query.Status)
                    && (query.DefinitionId is null || r.DefinitionId == query.DefinitionId)
                    && (query.CorrelationId is null || r.CorrelationId == query.CorrelationId))
                {
                    items.Add(r.ToSummary());
                }
            }
        }

        return Task.FromResult(ToPage(items, size));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InstanceSummary>> ListChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            IReadOnlyList<InstanceSummary> children = store.Instances.Values
                .Where(r => r.ParentInstanceId == parentInstanceId)
                .OrderBy(r => r.CreatedMs).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => r.ToSummary())
                .ToList();
            return Task.FromResult(children);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            if (!store.Instances.TryGetValue(instanceId, out var r)
                || (r.LeaseOwner is not null && r.LeaseOwner != owner && r.LeaseUntilMs > StoreTime.ToUnixMs(now)))
            {
                return Task.FromResult(false);
            }

            r.LeaseOwner = owner;
            r.LeaseUntilMs = StoreTime.ToUnixMs(until);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(string instanceId, string owner, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            if (!store.Instances.TryGetValue(instanceId, out var r) || r.LeaseOwner != owner)
            {
                return Task.FromResult(false);
            }

            r.LeaseUntilMs = StoreTime.ToUnixMs(until);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindRecoverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var nowMs = StoreTime.ToUnixMs(now);
        lock (store.Gate)
        {
            IReadOnlyList<string> ids = store.Instances.Values
                .Where(r => r.Status == WorkflowStatus.Running && r.LeaseUntilMs <= nowMs)
                .OrderBy(r => r.LeaseUntilMs).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, limit))
                .Select(r => r.Id)
                .ToList();
            return Task.FromResult(ids);
        }
    }

    /// <inheritdoc />
    /// <remarks>A null <paramref name="name"/> or <paramref name="correlationId"/> matches any. Oldest first.</remarks>
    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string? name, string? correlationId, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            IEnumerable<Bookmark> candidates = name is null
                ? store.Bookmarks.Values.Where(b => b.Kind == kind)
                : store.BookmarksByName.TryGetValue((kind, name), out var ids) ? ids.Select(id => store.Bookmarks[id]) : [];
            IReadOnlyList<Bookmark> found = candidates
                .Where(b => correlationId is null || b.CorrelationId == correlationId)
                .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal)
                .Select(b => ModelCopies.Copy(b, b.InstanceId))
                .ToList();
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<Bookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.Bookmarks.TryGetValue(bookmarkId, out var b) ? ModelCopies.Copy(b, b.InstanceId) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Bookmark>> ClaimDueBookmarksAsync(string owner, DateTimeOffset now, DateTimeOffset othersLeasesEndedBy, DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var dueMs = StoreTime.ToUnixMs(now);
        var othersEndedMs = StoreTime.ToUnixMs(othersLeasesEndedBy);
        var untilMs = StoreTime.ToUnixMs(until);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<Bookmark>();
        lock (store.Gate)
        {
            foreach (var (due, id) in store.DueBookmarks)
            {
                if (due > dueMs || found.Count >= limit)
                {
                    break;
                }

                var b = store.Bookmarks[id];
                if (!claimed.Contains(b.InstanceId))
                {
                    if (!store.Instances.TryGetValue(b.InstanceId, out var r)
                        || !(r.LeaseOwner is null || r.LeaseUntilMs <= dueMs || (r.LeaseOwner != owner && r.LeaseUntilMs <= othersEndedMs)))
                    {
                        continue;
                    }

                    r.LeaseOwner = owner;
                    r.LeaseUntilMs = untilMs;
                    claimed.Add(b.InstanceId);
                }

                found.Add(ModelCopies.Copy(b, b.InstanceId));
            }
        }

        return Task.FromResult<IReadOnlyList<Bookmark>>(found);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(string owner, DateTimeOffset now, Bookmark? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (after is not null && after.DueAt is null)
        {
            throw new ArgumentException($"Bookmark '{after.Id}' has no due time, so due timers cannot be listed after it.", nameof(after));
        }

        var dueMs = StoreTime.ToUnixMs(now);
        var found = new List<Bookmark>();
        lock (store.Gate)
        {
            IEnumerable<(long DueMs, string Id)> from = store.DueBookmarks;
            if (after is not null)
            {
                var cursor = (StoreTime.ToUnixMs(after.DueAt!.Value), after.Id);
                // A view needs its lower bound at or below its upper one; past the last timer there is nothing left.
                from = store.DueBookmarks.Count == 0 || store.DueBookmarks.Comparer.Compare(cursor, store.DueBookmarks.Max) > 0
                    ? []
                    : store.DueBookmarks.GetViewBetween(cursor, store.DueBookmarks.Max);
            }

            foreach (var (due, id) in from)
            {
                if (due > dueMs || found.Count >= limit)
                {
                    break;
                }

                if (after is not null && id == after.Id)
                {
                    continue; // The view starts at the cursor itself when that bookmark is still there.
                }

                var b = store.Bookmarks[id];
                if (store.Instances.TryGetValue(b.InstanceId, out var r) && r.LeaseOwner == owner && r.LeaseUntilMs > dueMs)
                {
                    continue;
                }

                found.Add(ModelCopies.Copy(b, b.InstanceId));
            }
        }

        return Task.FromResult<IReadOnlyList<Bookmark>>(found);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset after, CancellationToken cancellationToken = default)
    {
        var afterMs = StoreTime.ToUnixMs(after);
        lock (store.Gate)
        {
            foreach (var (due, _) in store.DueBookmarks)
            {
                if (due > afterMs)
                {
                    return Task.FromResult<DateTimeOffset?>(StoreTime.FromUnixMs(due));
                }
            }

            return Task.FromResult<DateTimeOffset?>(null);
        }
    }


    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        List<JournalBatch>? batches = null;
        lock (store.Gate)
        {
            if (limit > 0 && store.Journal.TryGetValue(instanceId, out var stored))
            {
                batches = stored.Where(b => b.Last > afterSequence).ToList();
            }
        }

        var found = new List<JournalEntry>();
        foreach (var batch in batches ?? [])
        {
            foreach (var entry in Deserialize(batch, instanceId))
            {
                if (found.Count >= limit)
                {
                    break;
                }

                if (entry.Sequence > afterSequence)
                {
                    found.Add(entry);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<JournalEntry>>(found);
    }

    /// <summary>
    /// Serializes a commit's entries into one batch, in sequence order (null when there are none). The store keeps
    /// bytes, not the committed objects: an entry and its data are a handful of small objects each that would live as
    /// long as the store, and copying and tracing them made the garbage collector the main cost of an in-memory run.
    /// </summary>
    private static JournalBatch? Serialize(IReadOnlyList<JournalEntry> journal)
    {
        if (journal.Count == 0)
        {
            return null;
        }

        var ordered = journal;
        for (var i = 1; i < journal.Count; i++)
        {
            if (journal[i].Sequence <= journal[i - 1].Sequence)
            {
                ordered = journal.OrderBy(e => e.Sequence).ToList();
                break;
            }
        }

        return new JournalBatch(ordered[0].Sequence, ordered[^1].Sequence, JournalBatchWriter.Write(ordered));
    }

    /// <summary>Fresh entries of a batch, as a SQL store returns rows: the instance id set, timestamps in whole milliseconds.</summary>
    private static IReadOnlyList<JournalEntry> Deserialize(JournalBatch batch, string instanceId)
    {
        var entries = JsonSerializer.Deserialize(batch.Json, JournalJson)!;
        foreach (var entry in entries)
        {
            entry.InstanceId = instanceId;
            entry.Timestamp = StoreTime.Normalize(entry.Timestamp);
        }

        return entries;
    }

    /// <summary>Appends a batch; an entry whose sequence is already stored is ignored (as SQL's ON CONFLICT DO NOTHING).</summary>
    private void AppendJournal(string instanceId, JournalBatch batch)
    {
        if (!store.Journal.TryGetValue(instanceId, out var batches))
        {
            store.Journal[instanceId] = batches = [];
        }

        if (batches.Count == 0 || batch.First > batches[^1].Last)
        {
            batches.Add(batch); // the usual case: the runtime's sequences only grow
            return;
        }

        // Entries at or before stored ones: merge everything, keeping the stored entry of each sequence.
        var merged = new SortedDictionary<long, JournalEntry>();
        foreach (var stored in batches)
        {
            foreach (var e in Deserialize(stored, instanceId))
            {
                merged[e.Sequence] = e;
            }
        }

        foreach (var e in Deserialize(batch, instanceId))
        {
            merged.TryAdd(e.Sequence, e);
        }

        batches.Clear();
        batches.Add(Serialize([.. merged.Values])!);
    }

    private static T[] Copy<T>(IReadOnlyList<T> items, Func<T, T> copy)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var copies = new T[items.Count];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = copy(items[i]);
        }

        return copies;
    }

    private static Page<InstanceSummary> ToPage(List<InstanceSummary> items, int size)
    {
        if (items.Count <= size)
        {
            return new Page<InstanceSummary>(items, null);
        }

        items.RemoveAt(size);
        var last = items[^1];
        return new Page<InstanceSummary>(items, new KeysetCursor(StoreTime.ToUnixMs(last.CreatedAt), last.Id).Encode());
    }
}
