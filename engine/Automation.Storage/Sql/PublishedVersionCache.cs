using System.Collections.Concurrent;
using Automation.Engine.Model;
using Automation.Engine.Persistence.InMemory;

namespace Automation.Storage.Sql;

/// <summary>
/// The newest published version of each definition, as this node last read it, for at most a time-to-live. Every
/// start reads it, and which version is the newest published changes only when someone publishes or deletes: this
/// node's own publishes and deletes drop the entry at once, another node's are seen within the time-to-live (decision 24).
/// </summary>
/// <remarks>
/// A read that overlaps an invalidation is not kept: entries are stored and dropped under one lock with a generation
/// count, so a reader that fetched the version before a publish committed cannot put it back after the publish dropped it.
/// </remarks>
internal sealed class PublishedVersionCache(TimeProvider time, TimeSpan timeToLive)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly long ttlTicks = (long)(timeToLive.TotalSeconds * time.TimestampFrequency);
    private long generation;

    /// <summary>False when the time-to-live is zero or less: every read goes to the database.</summary>
    public bool Enabled => ttlTicks > 0;

    /// <summary>The generation to pass to <see cref="Store"/> after a read; take it before the read begins.</summary>
    public long Generation => Volatile.Read(ref generation);

    /// <summary>A copy (the caller owns it) of the cached version of <paramref name="definitionId"/>, or null when none is fresh.</summary>
    public DefinitionVersion? TryGet(string definitionId)
    {
        if (!Enabled || !entries.TryGetValue(definitionId, out var entry) || time.GetTimestamp() >= entry.ExpiresAt)
        {
            return null;
        }

        return entry.Version with { Definition = ModelCopies.Copy(entry.Version.Definition) };
    }

    /// <summary>The cached version of <paramref name="definitionId"/> itself (shared: the caller must not change it), or null when none is fresh.</summary>
    public DefinitionVersion? TryGetShared(string definitionId) =>
        Enabled && entries.TryGetValue(definitionId, out var entry) && time.GetTimestamp() < entry.ExpiresAt ? entry.Version : null;

    /// <summary>Keeps a copy of <paramref name="version"/>, read from the database, unless an invalidation came after <paramref name="readGeneration"/>.</summary>
    public void Store(string definitionId, DefinitionVersion version, long readGeneration)
    {
        if (!Enabled)
        {
            return;
        }

        var copy = version with { Definition = ModelCopies.Copy(version.Definition) };
        lock (gate)
        {
            if (generation == readGeneration)
            {
                entries[definitionId] = new Entry(copy, time.GetTimestamp() + ttlTicks);
            }
        }
    }

    /// <summary>Drops the entry of <paramref name="definitionId"/> (after a publish or delete has committed).</summary>
    public void Invalidate(string definitionId)
    {
        lock (gate)
        {
            generation++;
            entries.TryRemove(definitionId, out _);
        }
    }

    private sealed record Entry(DefinitionVersion Version, long ExpiresAt);
}
