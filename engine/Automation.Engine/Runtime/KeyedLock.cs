namespace Automation.Engine.Runtime;

/// <summary>
/// An async mutual-exclusion lock per key (instance id), removed when nobody holds or waits for it. It also remembers,
/// roughly, when each key was last released (<see cref="ReleasedSince"/>), so that a caller who read an instance before
/// taking its lock can tell whether an operation of this process may have changed the instance meanwhile.
/// </summary>
internal sealed class KeyedLock
{
    // Release times by hash bucket: a fixed array (no entry per instance to clean up). Keys sharing a bucket only make
    // ReleasedSince answer true more often (a needless re-read), never false when the key itself was released.
    private const int ReleaseBuckets = 4096;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly long[] _lastRelease = new long[ReleaseBuckets];

    /// <summary>A point in time to give <see cref="ReleasedSince"/> later (monotonic; taken before a read).</summary>
    public static long Now() => System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>
    /// False only when <paramref name="key"/>'s lock has not been released since <paramref name="since"/> (a
    /// <see cref="Now"/> value): no operation holding it ended, so nothing this process commits under it changed meanwhile.
    /// </summary>
    public bool ReleasedSince(string key, long since) => Volatile.Read(ref _lastRelease[Bucket(key)]) >= since;

    private static int Bucket(string key) => StringComparer.Ordinal.GetHashCode(key) & (ReleaseBuckets - 1);

    public async ValueTask<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!)) _entries[key] = entry = new Entry();
            entry.References++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }
        return new Releaser(this, key, entry);
    }

    private void Release(string key, Entry entry, bool held)
    {
        if (held)
        {
            // Stamped before the next holder can enter; a later stamp in the same bucket never gives way to an earlier one.
            ref var slot = ref _lastRelease[Bucket(key)];
            var now = Now();
            for (var seen = Volatile.Read(ref slot); seen < now; seen = Volatile.Read(ref slot))
                if (Interlocked.CompareExchange(ref slot, now, seen) == seen) break;
            entry.Semaphore.Release();
        }
        lock (_entries)
        {
            if (--entry.References == 0) _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int References;
    }

    private sealed class Releaser(KeyedLock owner, string key, Entry entry) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Release(key, entry, held: true);
        }
    }
}
