using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Automation.Bots.Browser.Sessions;

/// <summary>
/// Looks for secrets in a Playwright trace (a zip of JSON lines, resources and screencast frames) before it is kept as
/// evidence: the last guard should a bot type a secret outside the untraced path. It finds a secret as typed, escaped
/// in JSON (the trace's own text) or URL-encoded (a form post in the network log); not one split into keystrokes.
/// </summary>
internal static class TraceSecrets
{
    /// <summary>True when an entry of <paramref name="zip"/> holds one of <paramref name="secrets"/>; a zip that cannot be read counts as holding one.</summary>
    public static bool Holds(byte[] zip, IEnumerable<string> secrets)
    {
        var needles = secrets.Where(s => s.Length > 0).SelectMany(Forms).Distinct().Select(Encoding.UTF8.GetBytes).ToList();
        if (needles.Count == 0) return false;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                using var content = new MemoryStream();
                using (var stream = entry.Open()) stream.CopyTo(content);
                var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
                foreach (var needle in needles)
                    if (bytes.IndexOf(needle) >= 0) return true;
            }

            return false;
        }
        catch (InvalidDataException)
        {
            return true; // Unreadable: it cannot be shown to be clean.
        }
    }

    private static IEnumerable<string> Forms(string secret) =>
    [
        secret,
        JsonEncodedText.Encode(secret).Value,
        JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
        Uri.EscapeDataString(secret),
        FormEncoded(secret),
    ];

    /// <summary>As a browser posts a form field (application/x-www-form-urlencoded): space as '+', all but <c>*-._</c> and letters and digits escaped.</summary>
    private static string FormEncoded(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_') result.Append((char)b);
            else if (b == (byte)' ') result.Append('+');
            else result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }
}
