using System.Security.Cryptography;
using System.Text;

namespace Automation.Engine.Triggers;

/// <summary>
/// Deterministic instance ids for events: the same event (a retried request with one idempotency key, a file of one
/// name, size and time, a queue item's attempt, a bot's failed attempt to review) always maps to the same id, so the
/// runtime starts it once (a second start with the id is refused with a <see cref="Persistence.ConcurrencyException"/>),
/// also across nodes and after a crash.
/// </summary>
public static class EventInstanceIds
{
    /// <summary>32 lower-case hex digits (the shape of a generated id) derived from <paramref name="parts"/>.</summary>
    /// <exception cref="ArgumentException">No parts were given.</exception>
    public static string For(params string[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("Give at least one part that identifies the event.", nameof(parts));
        // A separator that cannot occur in a path or a header keeps ("a", "bc") and ("ab", "c") apart.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts)));
        return Convert.ToHexStringLower(hash)[..32];
    }
}
