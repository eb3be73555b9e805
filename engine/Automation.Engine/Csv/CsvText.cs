using System.Text;

namespace Automation.Engine.Csv;

/// <summary>
/// Splits CSV text into rows of fields (RFC 4180: comma separated, double quotes around fields that hold commas, quotes
/// or line breaks, a doubled quote for a quote inside). Line ends may be CRLF or LF; a byte order mark is skipped. The
/// one parser behind the queue API's CSV upload and the <c>Csv.Read</c> activity.
/// </summary>
public static class CsvText
{
    /// <summary>The rows of <paramref name="csv"/>, each a list of its fields as written (not trimmed); a final line break adds no row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static List<List<string>> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                case '\uFEFF' when i == 0: break;
                default: field.Append(ch); break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
