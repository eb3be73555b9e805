namespace Automation.Bots.Mail.Triggers;

/// <summary>
/// Where a quarantined email is: its quarantine folder and the SHA-256 of its bytes (an email may have no Message-Id,
/// and its UID changes when it moves), written as <c>folder#sha256=hex</c>.
/// </summary>
public static class EmailQuarantineReference
{
    private const string Separator = "#sha256=";

    /// <summary>The reference of an email with bytes hashing to <paramref name="sha256"/> in <paramref name="folder"/>.</summary>
    public static string Format(string folder, string sha256) => folder + Separator + sha256;

    /// <summary>Reads a reference written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">It is not such a reference.</exception>
    public static (string Folder, string Sha256) Parse(string reference)
    {
        var at = reference?.LastIndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (at <= 0 || at + Separator.Length == reference!.Length) throw new FormatException($"'{reference}' is not a quarantined email's reference.");
        return (reference[..at], reference[(at + Separator.Length)..]);
    }
}
