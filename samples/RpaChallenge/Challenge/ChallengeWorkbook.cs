using System.IO.Compression;
using System.Security;
using System.Text;

namespace Samples.RpaChallenge.Challenge;

/// <summary>
/// Writes the challenge spreadsheet as a minimal .xlsx (one sheet, inline strings, phone numbers as numbers
/// as the public file has them) with System.IO.Compression alone. Entries carry a fixed timestamp, so the
/// same data always gives the same bytes and the committed copy can be checked against the generator.
/// </summary>
public static class ChallengeWorkbook
{
    private static readonly DateTimeOffset Stamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The workbook's bytes.</summary>
    public static byte[] Build() => Build(ChallengeData.Headers, ChallengeData.Rows);

    /// <summary>
    /// A workbook with other <paramref name="headers"/> and <paramref name="rows"/> (tests make variants of the challenge
    /// file with it); a cell of all digits is written as a number, as the public file writes phone numbers.
    /// </summary>
    public static byte[] Build(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Add(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Add(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);
            Add(zip, "xl/worksheets/sheet1.xml", Sheet(headers, rows));
        }

        return ms.ToArray();
    }

    private static string Sheet(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        sb.Append("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        Row(sb, 1, headers, numbers: false);
        for (var i = 0; i < rows.Count; i++)
        {
            Row(sb, i + 2, rows[i], numbers: true);
        }

        sb.Append("</sheetData></worksheet>");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, int r, IReadOnlyList<string> values, bool numbers)
    {
        sb.Append($"<row r=\"{r}\">");
        for (var c = 0; c < values.Count; c++)
        {
            var cell = $"{(char)('A' + c)}{r}";
            if (numbers && values[c].Length > 0 && values[c].All(char.IsAsciiDigit))
            {
                sb.Append($"<c r=\"{cell}\"><v>{SecurityElement.Escape(values[c])}</v></c>");
            }
            else
            {
                sb.Append($"<c r=\"{cell}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(values[c])}</t></is></c>");
            }
        }

        sb.Append("</row>");
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Stamp;
        using var s = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        s.Write(bytes);
    }
}
