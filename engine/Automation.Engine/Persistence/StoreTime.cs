namespace Automation.Engine.Persistence;

/// <summary>
/// How stores keep time: whole milliseconds since the Unix epoch, UTC. The SQL stores keep timestamps as
/// bigint Unix milliseconds (so that ordering and range filters use plain integer indexes in every dialect);
/// the in-memory store rounds the same way so that all stores hand back identical values.
/// </summary>
public static class StoreTime
{
    /// <summary>Unix milliseconds of <paramref name="time"/>.</summary>
    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>Unix milliseconds of <paramref name="time"/>, or null.</summary>
    public static long? ToUnixMs(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    /// <summary>The UTC time of <paramref name="unixMs"/>.</summary>
    public static DateTimeOffset FromUnixMs(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    /// <summary>The UTC time of <paramref name="unixMs"/>, or null.</summary>
    public static DateTimeOffset? FromUnixMs(long? unixMs) => unixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary><paramref name="time"/> as a store gives it back: UTC, truncated to the millisecond.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time) => FromUnixMs(ToUnixMs(time));

    /// <summary><paramref name="time"/> as a store gives it back, or null.</summary>
    public static DateTimeOffset? Normalize(DateTimeOffset? time) => time is { } t ? Normalize(t) : null;
}
