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
/// A commit stores the instance as UTF-8 JSON (one serialization, no object graph kept), and every read
/// deserializes a fresh copy, so callers never share stored state. Bookmarks and tasks are copied on commit.
/// Journal entries are append-only: the store keeps the committed objects (the runtime must not change an
/// entry after committing it) and hands out copies.
/// </remarks>
public sealed class InMemoryInstanceStore(InMemoryStore store) : IInstanceStore
{
    private static readonly JsonTypeInfo<WorkflowInstance> InstanceJson =
        (JsonTypeInfo<WorkflowInstance>)EngineJson.Options.GetTypeInfo(typeof(WorkflowInstance));

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

            if (commit.Journal.Count > 0)
            {
                if (!store.Journal.TryGetValue(instance.Id, out var entries))
                {
                    store.Journal[instance.Id] = entries = new List<JournalEntry>(commit.Journal.Count);
                }

                JournalList.Append(entries, commit.Journal);
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
        byte[] json;
        long version, created, updated;
        long? finished;
        lock (store.Gate)
        {
            if (!store.Instances.TryGetValue(instanceId, out var record))
            {
                return Task.FromResult<WorkflowInstance?>(null);
            }

            (json, version, created, updated, finished) = (record.Json, record.Version, record.CreatedMs, record.UpdatedMs, record.FinishedMs);
        }

        var instance = JsonSerializer.Deserialize(json, InstanceJson)!;
        instance.Version = version;
        instance.CreatedAt = StoreTime.FromUnixMs(created);
        instance.UpdatedAt = StoreTime.FromUnixMs(updated);
        instance.FinishedAt = StoreTime.FromUnixMs(finished);
        return Task.FromResult<WorkflowInstance?>(instance);
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
    public Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default)
    {
        var dueMs = StoreTime.ToUnixMs(dueBy);
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
                found.Add(ModelCopies.Copy(b, b.InstanceId));
            }
        }

        return Task.FromResult<IReadOnlyList<Bookmark>>(found);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.DueBookmarks.Count == 0 ? (DateTimeOffset?)null : StoreTime.FromUnixMs(store.DueBookmarks.Min.DueMs));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        var found = new List<JournalEntry>();
        lock (store.Gate)
        {
            if (limit > 0 && store.Journal.TryGetValue(instanceId, out var entries))
            {
                for (var i = JournalList.FirstAfter(entries, afterSequence); i < entries.Count && found.Count < limit; i++)
                {
                    found.Add(ModelCopies.Copy(entries[i], instanceId));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<JournalEntry>>(found);
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
