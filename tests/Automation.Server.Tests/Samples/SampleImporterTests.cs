using System.Net.Http.Json;
using Automation.Server.Samples;

namespace Automation.Server.Tests.Samples;

[TestFixture]
public sealed class SampleImporterTests
{
    [Test]
    public async Task Samples_are_imported_and_published_on_first_start_only()
    {
        var dataDirectory = ServerHarness.NewDataDirectory(); // one SQLite file for both starts
        var settings = new Dictionary<string, string?> { ["Automation:Samples:Load"] = "true" };
        List<string> ids;
        await using (var first = await ServerHarness.StartAsync(settings, dataDirectory: dataDirectory))
        {
            using var api = first.Client();
            var definitions = await Http.ReadArrayAsync(await api.GetAsync("/api/workflow-definitions"), 200);
            ids = definitions.Select(d => d!["id"]!.GetValue<string>()).ToList();
            Assert.That(ids, Is.SupersetOf(new[] { "hello-approval", "batch-greetings", "order-routing", "weekday-health-check", "web-enquiry-intake" }));
            Assert.That(definitions.All(d => d!["publishedVersion"]?.GetValue<int>() == 1), Is.True, definitions.ToJsonString());
            var triggers = await Http.ReadArrayAsync(await api.GetAsync("/api/triggers"), 200);
            Assert.That(triggers.Select(t => t!["id"]!.GetValue<string>()),
                Is.SupersetOf(new[] { "weekday-health-check:weekdayMorning", "web-enquiry-intake:enquiryPosted" }), "imported samples register their triggers");
            Assert.That((int)(await api.DeleteAsync("/api/workflow-definitions/order-routing")).StatusCode, Is.EqualTo(204));
        }

        await using (var second = await ServerHarness.StartAsync(settings, dataDirectory: dataDirectory))
        {
            using var api2 = second.Client();
            var after = await Http.ReadArrayAsync(await api2.GetAsync("/api/workflow-definitions"), 200);
            Assert.That(after.Select(d => d!["id"]!.GetValue<string>()), Is.EquivalentTo(ids.Where(id => id != "order-routing")),
                "the store was not empty, so nothing is imported again");
        }
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task The_hello_approval_sample_runs_to_a_task()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Samples:Load"] = "true" });
        using var api = server.Client();
        var instance = await api.StartAsync("hello-approval", new { name = "Ada" });
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("suspended"), instance.ToJsonString());
        var tasks = await Http.ReadAsync(await api.GetAsync($"/api/tasks?instanceId={instance["id"]}"), 200);
        var task = tasks["items"]![0]!;
        Assert.That(task["title"]!.GetValue<string>(), Is.EqualTo("Approve request from Ada"));
        await Http.ReadAsync(await api.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Reject", data = new { comment = "no" } }), 200);
        await api.WaitForStatusAsync(instance["id"]!.GetValue<string>(), "finished");
    }

    [Test]
    public async Task The_web_enquiry_sample_starts_from_its_hook_and_gives_the_contact_centre_a_task()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Samples:Load"] = "true" });
        using var api = server.Client();

        var posted = await api.PostAsJsonAsync("/api/hooks/enquiries",
            new { name = "Ada Lovelace", email = "ada@example.org", subject = "Missed bin collection", message = "Our bins were not emptied on Tuesday." });

        Assert.That((int)posted.StatusCode, Is.EqualTo(202), await posted.Content.ReadAsStringAsync());
        var instanceId = (await Http.ReadAsync(posted, 202))["instanceId"]!.GetValue<string>();
        await api.WaitForStatusAsync(instanceId, "suspended");
        var tasks = await Http.ReadAsync(await api.GetAsync($"/api/tasks?instanceId={instanceId}"), 200);
        Assert.That(tasks["items"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Triage enquiry: Missed bin collection"));
    }

    [Test]
    public async Task A_bad_sample_is_skipped_and_the_rest_imported()
    {
        var folder = ServerHarness.NewDataDirectory();
        var good = Flows.Greeting("good-sample");
        await File.WriteAllTextAsync(Path.Combine(folder, "a-good.workflow.json"), good.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(folder, "b-broken.workflow.json"), "{ this is not json");
        var invalid = Flows.Greeting("invalid-sample");
        invalid["activities"]!.AsArray().Add(Flows.Node("x", "NoSuchType"));
        await File.WriteAllTextAsync(Path.Combine(folder, "c-invalid.workflow.json"), invalid.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(folder, "ignored.json"), good.ToJsonString());
        try
        {
            await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?>
            {
                ["Automation:Samples:Load"] = "true",
                ["Automation:Samples:Directory"] = folder,
            });
            using var api = server.Client();
            var ids = (await Http.ReadArrayAsync(await api.GetAsync("/api/workflow-definitions"), 200)).Select(d => d!["id"]!.GetValue<string>());
            Assert.That(ids, Is.EqualTo(new[] { "good-sample" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Samples_load_false_imports_nothing()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Samples:Load"] = "false" });
        using var api = server.Client();
        Assert.That(await Http.ReadArrayAsync(await api.GetAsync("/api/workflow-definitions"), 200), Is.Empty);
    }

    [Test]
    public void The_samples_folder_is_found_by_walking_up_to_the_repository_root()
    {
        var found = SampleImporter.FindSamplesDirectory(AppContext.BaseDirectory);
        Assert.That(found, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(found!, "hello-approval.workflow.json")), Is.True);
        Assert.That(SampleImporter.FindSamplesDirectory(Path.GetTempPath()), Is.Null);
    }
}
