using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Csv;
using Automation.Samples.Tests.Support;
using Automation.Server.Hosting;
using Automation.Testing;

namespace Automation.Samples.Tests;

/// <summary>
/// The starter-leaver-intake sample workflow in the real server (loaded from samples/workflows as on a first start):
/// the HR system posts its Entra-format CSV export to the hook, and the queue then holds one item per row.
/// </summary>
public sealed class StarterLeaverIntakeTests
{
    private const string AdminKey = "samples-tests-admin-key-0123456789abcdef";
    private const string Queue = "hr-starters-leavers";

    private static string SamplesWorkflows()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "workflows"))) return Path.Combine(dir.FullName, "samples", "workflows");
        throw new DirectoryNotFoundException("samples/workflows was not found above the test folder.");
    }

    private static Task<RunningServer> StartServerAsync(TempDirectory data) =>
        AutomationServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Automation:Store"] = "sqlite",
            ["Automation:DataDirectory"] = data.Path,
            ["Automation:Samples:Load"] = "true",
            ["Automation:Samples:Directory"] = SamplesWorkflows(),
            ["Automation:Auth:BootstrapAdminKey"] = AdminKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });

    private static HttpClient Client(RunningServer server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    // Posts the feed to the hook and waits for the intake instance to finish.
    private static async Task<List<JsonObject>> PostFeedAsync(HttpClient api, HttpContent feed)
    {
        var created = await api.PutAsync($"/api/queues/{Queue}", JsonContent("""{ "description": "Starters and leavers for the people portal", "duplicatePolicy": "reject" }"""));
        Assert.That((int)created.StatusCode, Is.AnyOf(200, 201), await created.Content.ReadAsStringAsync());
        var posted = await api.PostAsync("/api/hooks/hr/starters-leavers", feed);
        var body = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        Assert.That((int)posted.StatusCode, Is.EqualTo(202), body.ToJsonString());
        var instanceId = body["instanceId"]!.GetValue<string>();
        JsonNode instance;
        do
        {
            await Task.Delay(100);
            instance = JsonNode.Parse(await api.GetStringAsync($"/api/workflow-instances/{instanceId}"))!;
        }
        while (instance["status"]!.GetValue<string>() is "running" or "pending" or "new");
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("finished"), instance.ToJsonString());

        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await api.GetStringAsync($"/api/queues/{Queue}/items?pageSize=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}"))!;
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static string? Postponed(JsonObject item) =>
        item["postponeUntil"] is { } p ? DateTimeOffset.Parse(p.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") : null;

    [Test]
    public async Task The_five_record_export_posted_as_csv_becomes_five_starters_each_postponed_to_its_start_date()
    {
        using var data = new TempDirectory("samples-intake");
        await using var server = await StartServerAsync(data);
        using var api = Client(server);

        var items = await PostFeedAsync(api, new StringContent(File.ReadAllText(HrFeed.PathOf("csv-with-5-records.txt")), Encoding.UTF8, "text/csv"));

        var records = HrFeed.Records("csv-with-5-records.txt");
        Assert.That(items.Select(i => i["reference"]!.GetValue<string>()), Is.EquivalentTo(records.Select(r => $"{r["WorkerID"]}-start")));
        Assert.Multiple(() =>
        {
            foreach (var record in records)
            {
                var item = items.Single(i => i["reference"]!.GetValue<string>() == $"{record["WorkerID"]}-start");
                Assert.That(Postponed(item), Is.EqualTo($"{record["HireDate"]}T00:00:00Z"));
                Assert.That(item["status"]!.GetValue<string>(), Is.EqualTo("new"));
                var itemData = item["data"]!.AsObject();
                Assert.That(itemData.Select(f => f.Key), Is.EquivalentTo(record.Select(f => f.Key)), "every column of the export");
                foreach (var (field, value) in record) Assert.That(itemData[field]!.GetValue<string>(), Is.EqualTo(value!.GetValue<string>()), field);
            }
        });
        Assert.That(items.Single(i => i["reference"]!.GetValue<string>() == "1895-start")["data"]!["ZipCode"]!.GetValue<string>(), Is.EqualTo("71677"),
            "the export's trailing space is trimmed");
    }

    [Test]
    public async Task A_slice_of_the_thousand_row_export_uploaded_as_a_file_queues_starters_and_leavers_once_each()
    {
        using var data = new TempDirectory("samples-intake");
        await using var server = await StartServerAsync(data);
        using var api = Client(server);
        var lines = File.ReadAllLines(HrFeed.PathOf("csv-with-1000-records.csv"));
        var slice = string.Join("\n", lines.Take(121)) + "\n";
        using var upload = new MultipartFormDataContent { { new StringContent(slice, Encoding.UTF8, "text/csv"), "file", "hr-export.csv" } };

        var items = await PostFeedAsync(api, upload);

        // Expected, from the same rows read on their own: Active → start on the hire date; Inactive (no leave date in
        // this export) → leave at once; a WorkerID the slice repeats is queued once (its first row).
        var rows = CsvText.Parse(slice);
        var expected = rows.Skip(1).Where(r => r.Count > 1)
            .Select(r => (Reference: $"{r[0].Trim()}-{(r[1].Trim() == "Inactive" ? "leave" : "start")}", Postpone: r[1].Trim() == "Inactive" ? null : $"{r[9].Trim()}T00:00:00Z", Row: r))
            .DistinctBy(e => e.Reference).ToList();
        Assert.That(expected.Count(e => e.Postpone is null), Is.GreaterThan(10), "the slice has leavers");
        Assert.That(expected.Count(e => e.Postpone is not null), Is.GreaterThan(10), "and starters");
        Assert.That(items.Select(i => i["reference"]!.GetValue<string>()), Is.EquivalentTo(expected.Select(e => e.Reference)));
        Assert.Multiple(() =>
        {
            foreach (var e in expected)
            {
                var item = items.Single(i => i["reference"]!.GetValue<string>() == e.Reference);
                Assert.That(Postponed(item), Is.EqualTo(e.Postpone), e.Reference);
                Assert.That(item["data"]!["LastName"]!.GetValue<string>(), Is.EqualTo(e.Row[5].Trim()), e.Reference);
            }
        });
    }
}
