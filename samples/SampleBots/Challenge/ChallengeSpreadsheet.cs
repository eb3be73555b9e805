using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Automation.Bots.Browser.Workers;
using ExcelDataReader;

namespace Samples.Bots.Challenge;

/// <summary>
/// Reads the RPA Challenge spreadsheet: a header row naming the seven fields, then one row per round. Headers are
/// matched to the page's labels ignoring case and stray spaces (the public file's header is <c>"Last Name "</c>);
/// other columns are ignored, as are empty rows; numbers (the phone numbers are numeric cells) are written as a
/// person reads them.
/// </summary>
public static partial class ChallengeSpreadsheet
{
    /// <summary>The field labels on the challenge page, in the public spreadsheet's column order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["First Name", "Last Name", "Company Name", "Role in Company", "Address", "Email", "Phone Number"];

    /// <summary>
    /// The data rows of the first sheet of <paramref name="workbook"/> (.xlsx, or the older .xls): each maps every
    /// label in <see cref="Fields"/> to its cell's text (trimmed).
    /// </summary>
    /// <exception cref="BusinessException">The file is not a spreadsheet, a field's column is missing (the message names it), or no row holds data.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(byte[] workbook)
    {
        // ExcelDataReader asks for code page 1252 even for .xlsx; .NET has it only once the provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(workbook, writable: false));
            if (!reader.Read())
                throw new BusinessException("The spreadsheet is empty: its first row should hold the headers " + string.Join(", ", Fields) + ".", "empty-spreadsheet");
            var columns = MapHeaders(reader);
            while (reader.Read())
            {
                var row = Fields.ToDictionary(f => f, f => Cell(reader, columns[f]), StringComparer.Ordinal);
                if (row.Values.Any(v => v.Length > 0)) rows.Add(row);
            }
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException)
        {
            throw new BusinessException($"The file is not a readable .xlsx or .xls spreadsheet ({e.Message}).", "unreadable-spreadsheet", e);
        }
        if (rows.Count == 0)
            throw new BusinessException("The spreadsheet has its headers but no rows of data.", "no-rows");
        return rows;
    }

    /// <summary>The header text made comparable: spaces collapsed and trimmed, case ignored by the caller.</summary>
    public static string Normalise(string header) => Spaces().Replace(header, " ").Trim();

    private static Dictionary<string, int> MapHeaders(IExcelDataReader reader)
    {
        var headers = Enumerable.Range(0, reader.FieldCount).Select(i => Normalise(Cell(reader, i))).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var index = headers.FindIndex(h => string.Equals(h, field, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                var found = headers.Where(h => h.Length > 0).Select(h => $"'{h}'");
                throw new BusinessException(
                    $"The spreadsheet has no '{field}' column. Its headers are {string.Join(", ", found)}; the challenge needs {string.Join(", ", Fields.Select(f => $"'{f}'"))}.",
                    "missing-column");
            }
            columns[field] = index;
        }
        return columns;
    }

    private static string Cell(IExcelDataReader reader, int column) => reader.GetValue(column) switch
    {
        null => "",
        // Phone numbers are numeric cells: 447700900101, not 4.477009E+11.
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        var v => (Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
