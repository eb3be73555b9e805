using Automation.Engine.Model;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>
/// The state shared by the in-memory stores (<see cref="InMemoryDefinitionStore"/>, <see cref="InMemoryInstanceStore"/>,
/// <see cref="InMemoryTaskStore"/>, <see cref="InMemoryApiKeyStore"/>), guarded by one lock. Create one per
/// test or process and hand it to each store; nothing survives the process.
/// </summary>
public sealed class InMemoryStore
{
    /// <summary>Creates an empty store.</summary>
    /// <param name="time">The clock for the times the stores stamp themselves (definition saves); the system clock when null.</param>
    public InMemoryStore(TimeProvider? time = null) => Time = time ?? TimeProvider.System;

    /// <summary>The clock for the times the stores stamp themselves.</summary>
    public TimeProvider Time { get; }

    internal object Gate { get; } = new();

    internal Dictionary<string, DefinitionRecord> Definitions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, InstanceRecord> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>(created ms, id) of every instance, newest first: the keyset order of instance lists.</summary>
    internal SortedSet<(long CreatedMs, string Id)> InstancesNewestFirst { get; } = new(NewestFirst.Instance);

    internal Dictionary<string, Bookmark> Bookmarks { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of bookmarks with a name, by (kind, name).</summary>
    internal Dictionary<(string Kind, string Name), HashSet<string>> BookmarksByName { get; } = new();

    /// <summary>(due ms, id) of bookmarks with a due time, earliest first.</summary>
    internal SortedSet<(long DueMs, string Id)> DueBookmarks { get; } = new(EarliestFirst.Instance);

    /// <summary>Journal entries per instance, in sequence order, as UTF-8 JSON arrays (one per commit).</summary>
    internal Dictionary<string, List<JournalBatch>> Journal { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, HumanTask> Tasks { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ApiKeyRecord> ApiKeys { get; } = new(StringComparer.Ordinal);

    internal void AddBookmark(Bookmark bookmark)
    {
        RemoveBookmark(bookmark.Id);
        Bookmarks[bookmark.Id] = bookmark;
        if (bookmark.Name is { } name)
        {
            var key = (bookmark.Kind, name);
            if (!BookmarksByName.TryGetValue(key, out var ids))
            {
                BookmarksByName[key] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(bookmark.Id);
        }

        if (bookmark.DueAt is { } due)
        {
            DueBookmarks.Add((StoreTime.ToUnixMs(due), bookmark.Id));
        }
    }

    internal bool RemoveBookmark(string bookmarkId)
    {
        if (!Bookmarks.Remove(bookmarkId, out var bookmark))
        {
            return false;
        }

        if (bookmark.Name is { } name && BookmarksByName.TryGetValue((bookmark.Kind, name), out var ids))
        {
            ids.Remove(bookmarkId);
            if (ids.Count == 0)
            {
                BookmarksByName.Remove((bookmark.Kind, name));
            }
        }

        if (bookmark.DueAt is { } due)
        {
            DueBookmarks.Remove((StoreTime.ToUnixMs(due), bookmarkId));
        }

        return true;
    }

    private sealed class NewestFirst : IComparer<(long CreatedMs, string Id)>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare((long CreatedMs, string Id) x, (long CreatedMs, string Id) y)
        {
            var c = y.CreatedMs.CompareTo(x.CreatedMs);
            return c != 0 ? c : string.CompareOrdinal(y.Id, x.Id);
        }
    }

    private sealed class EarliestFirst : IComparer<(long DueMs, string Id)>
    {
        public static readonly EarliestFirst Instance = new();

        public int Compare((long DueMs, string Id) x, (long DueMs, string Id) y)
        {
            var c = x.DueMs.CompareTo(y.DueMs);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}

/// <summary>The journal entries of one commit, sequences <see cref="First"/>..<see cref="Last"/> ascending, as one UTF-8 JSON array.</summary>
internal sealed record JournalBatch(long First, long Last, byte[] Json);
