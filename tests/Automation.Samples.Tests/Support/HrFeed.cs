using System.Text.Json.Nodes;
using Automation.Engine.Csv;

namespace Automation.Samples.Tests.Support;

/// <summary>The Entra inbound-provisioning sample CSVs (samples/hr-feed, copied to the test output), read as records.</summary>
public static class HrFeed
{
    public static string PathOf(string file) => Path.Combine(TestContext.CurrentContext.TestDirectory, "hr-feed", file);

    /// <summary>Every row of <paramref name="file"/> as an object keyed by the header (values as written, trimmed).</summary>
    public static List<JsonObject> Records(string file)
    {
        var rows = CsvText.Parse(File.ReadAllText(PathOf(file)));
        var header = rows[0].Select(h => h.Trim()).ToList();
        return rows.Skip(1).Where(r => r.Count == header.Count)
            .Select(r =>
            {
                var o = new JsonObject();
                for (var i = 0; i < header.Count; i++) o[header[i]] = r[i].Trim();
                return o;
            }).ToList();
    }
}
