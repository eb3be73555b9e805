using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Automation.Engine.Persistence;

/// <summary>
/// The position of the last row of a newest-first page: its creation time (Unix ms) and id. Shared by all stores
/// so that cursors mean the same everywhere; encoded as base64url so that callers treat it as opaque.
/// </summary>
public readonly record struct KeysetCursor(long CreatedAtMs, string Id)
{
    /// <summary>The largest page any list returns.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The opaque text form.</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAtMs.ToString(CultureInfo.InvariantCulture) + ":" + Id));

    /// <summary>Reads a cursor made by <see cref="Encode"/>; null for a null or empty cursor.</summary>
    /// <exception cref="ArgumentException">The text is not a cursor.</exception>
    public static KeysetCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            throw Invalid();
        }

        return new KeysetCursor(ms, text[(colon + 1)..]);
    }

    /// <summary>A page size forced into 1..<see cref="MaxPageSize"/>.</summary>
    public static int ClampPageSize(int pageSize) => Math.Clamp(pageSize, 1, MaxPageSize);

    /// <summary>True when a row at (<paramref name="createdAtMs"/>, <paramref name="id"/>) comes after this cursor in newest-first order.</summary>
    public bool IsBefore(long createdAtMs, string id) =>
        createdAtMs < CreatedAtMs || (createdAtMs == CreatedAtMs && string.CompareOrdinal(id, Id) < 0);

    private static ArgumentException Invalid() => new("The paging cursor is not valid; pass the nextCursor of the previous page.", "cursor");
}
