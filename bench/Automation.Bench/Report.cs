using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Automation.Bench;

/// <summary>A titled table printed to the console and written as markdown.</summary>
internal sealed class Table(string title, params string[] columns)
{
    public string Title { get; } = title;
    public string[] Columns { get; } = columns;
    public List<string[]> Rows { get; } = [];
    public List<string> Notes { get; } = [];

    public void Add(params string[] cells) => Rows.Add(cells);

    public string ToConsole()
    {
        var widths = Columns.Select((c, i) => Math.Max(c.Length, Rows.Count == 0 ? 0 : Rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine().AppendLine("== " + Title);
        sb.AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in Rows)
            sb.AppendLine(string.Join("  ", row.Select((c, i) => IsNumeric(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        foreach (var note in Notes) sb.AppendLine("  * " + note);
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("### " + Title).AppendLine();
        sb.AppendLine("| " + string.Join(" | ", Columns) + " |");
        sb.AppendLine("|" + string.Join("|", Columns.Select((_, i) => i == 0 ? " --- " : " ---: ")) + "|");
        foreach (var row in Rows) sb.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |");
        if (Notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var note in Notes) sb.AppendLine("- " + note);
        }
        return sb.AppendLine().ToString();
    }

    private static bool IsNumeric(string cell) =>
        cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] == '-' && cell.Length > 1) && !cell.Contains(' ');
}

/// <summary>The machine and runtime the numbers were taken on.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var os = RuntimeInformation.OSDescription;
        try
        {
            var pretty = File.ReadAllLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null) os = pretty["PRETTY_NAME=".Length..].Trim('"') + " (" + RuntimeInformation.OSDescription + ")";
        }
        catch (IOException) { }
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadAllLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException) { }
        return $"{Environment.ProcessorCount} cores ({cpu}), {os}, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}, " +
               $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? " (concurrent)" : "")}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string Load()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    public static double Load1()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture); }
        catch (IOException) { return double.NaN; }
    }
}

internal static class Fmt
{
    public static string N(double v, int decimals = 0) =>
        double.IsNaN(v) ? "n/a" : v.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Ms(double v) =>
        double.IsNaN(v) ? "n/a" : v < 1 ? v.ToString("0.000", CultureInfo.InvariantCulture)
            : v < 100 ? v.ToString("0.00", CultureInfo.InvariantCulture) : v.ToString("0", CultureInfo.InvariantCulture);

    public static string Ratio(double v) => double.IsNaN(v) ? "—" : v.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
