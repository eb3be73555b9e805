namespace Automation.Bench.Bots;

/// <summary>Small statistics over a handful of timed runs.</summary>
internal static class Samples
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => Fmt.N(v)));
}
