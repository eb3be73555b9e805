using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Runtime;
using Automation.Server.Triggers.Files;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Server.Tests.Flows;

namespace Automation.Server.Tests.Triggers;

/// <summary>
/// The file-dropped trigger through the real server and real folders: files are taken once they stop changing, kept as
/// documents, archived only after their instance exists, quarantined when unusable and handed back through the API.
/// </summary>
[TestFixture]
internal sealed class FileDropTriggerTests : ServerTestBase
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "automation-filedrop-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>FileDropped(settings) → SetVariable received = input → End; output received.</summary>
    private JsonObject DropFlow(JsonObject? settings = null, string? id = null)
    {
        var triggerSettings = settings ?? [];
        triggerSettings["folder"] ??= _folder;
        triggerSettings["stabilityWait"] ??= "00:00:00.5";
        return Flow(id ?? NewId("drop"),
            [
                Node("drop", FileDropped.TypeName, triggerSettings),
                Node("keep", "SetVariable", new JsonObject { ["variable"] = "received", ["value"] = Js("input") }),
                Node("end", "End"),
            ],
            [Edge("drop", "keep"), Edge("keep", "end")],
            outputs: ["received"]);
    }

    [Test]
    public async Task A_file_is_taken_only_once_it_stops_growing_and_archived_after_its_instance_exists()
    {
        var id = await Api.PublishAsync(DropFlow(new JsonObject { ["stabilityWait"] = "00:00:02" }));
        var path = Path.Combine(_folder, "payments.csv");
        var first = Encoding.UTF8.GetBytes("reference,amount\nINV-1,10.00\n");
        var second = Encoding.UTF8.GetBytes("INV-2,20.00\n");
        await File.WriteAllBytesAsync(path, first);
        // Longer than half the stability wait: a trigger that took files sooner than the wait would take the first part alone.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using (var append = new FileStream(path, FileMode.Append)) await append.WriteAsync(second);
        var modified = File.GetLastWriteTimeUtc(path);

        var archived = Path.Combine(_folder, "processed", "payments.csv");
        await WaitUntilAsync(() => File.Exists(archived), "the file is archived");
        Assert.That(File.Exists(path), Is.False);

        var instances = await InstancesAsync(id);
        Assert.That(instances, Has.Count.EqualTo(1), "one instance, for the whole file");
        var instanceId = instances[0]!["id"]!.GetValue<string>();
        Assert.That(instanceId, Is.EqualTo(FileDropProcessor.InstanceIdFor($"{id}:drop", "payments.csv", first.Length + second.Length, modified)));
        var input = (await Api.WaitForStatusAsync(instanceId, "finished"))["input"]!;
        Assert.That(input["name"]!.GetValue<string>(), Is.EqualTo("payments.csv"));
        Assert.That(input["path"]!.GetValue<string>(), Is.EqualTo(path));
        Assert.That(input["size"]!.GetValue<long>(), Is.EqualTo(first.Length + second.Length));
        Assert.That(input["contentType"]!.GetValue<string>(), Is.EqualTo("text/csv"));
        Assert.That(DateTimeOffset.Parse(input["modifiedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
            Is.EqualTo(modified));
        var documentId = input["documentId"]!.GetValue<string>();
        Assert.That(await Api.GetByteArrayAsync($"/api/documents/{documentId}/content"), Is.EqualTo(first.Concat(second).ToArray()));
        Assert.That(await File.ReadAllBytesAsync(archived), Is.EqualTo(first.Concat(second).ToArray()));

        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:drop/events"), 200);
        Assert.That(events.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "fired" }));
    }

    [Test]
    public async Task Only_files_matching_the_pattern_are_taken_and_a_taken_name_gets_a_suffix_in_the_archive()
    {
        var id = await Api.PublishAsync(DropFlow(new JsonObject { ["pattern"] = "*.pdf" }));
        Directory.CreateDirectory(Path.Combine(_folder, "processed"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "processed", "b-invoice.pdf"), "an earlier invoice of the same name");
        // Files are handled in name order, so the text file (and the hidden one) would be taken before the invoice if they matched.
        await File.WriteAllTextAsync(Path.Combine(_folder, "a-notes.txt"), "not an invoice");
        await File.WriteAllTextAsync(Path.Combine(_folder, ".a-upload.pdf"), "a file still being uploaded under a hidden name");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b-invoice.pdf"), "%PDF-1.4 invoice");

        var suffixed = Path.Combine(_folder, "processed", "b-invoice-1.pdf");
        await WaitUntilAsync(() => File.Exists(suffixed), "the invoice is archived under a free name");
        Assert.That(await File.ReadAllTextAsync(suffixed), Is.EqualTo("%PDF-1.4 invoice"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_folder, "processed", "b-invoice.pdf")), Is.EqualTo("an earlier invoice of the same name"));
        Assert.That(File.Exists(Path.Combine(_folder, "a-notes.txt")), Is.True);
        Assert.That(File.Exists(Path.Combine(_folder, ".a-upload.pdf")), Is.True);
        var instances = await InstancesAsync(id);
        Assert.That(instances, Has.Count.EqualTo(1));
        var instance = await Api.WaitForStatusAsync(instances[0]!["id"]!.GetValue<string>(), "finished");
        Assert.That(instance["input"]!["name"]!.GetValue<string>(), Is.EqualTo("b-invoice.pdf"));
    }

    [Test]
    public async Task Files_in_subfolders_are_taken_when_asked_and_archived_under_the_same_subfolder()
    {
        var id = await Api.PublishAsync(DropFlow(new JsonObject { ["includeSubfolders"] = true }));
        Directory.CreateDirectory(Path.Combine(_folder, "north"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "north", "return.xml"), "<return/>");

        var archived = Path.Combine(_folder, "processed", "north", "return.xml");
        await WaitUntilAsync(() => File.Exists(archived), "the file is archived under its subfolder");
        var instances = await InstancesAsync(id);
        Assert.That(instances, Has.Count.EqualTo(1));
        var instance = await Api.WaitForStatusAsync(instances[0]!["id"]!.GetValue<string>(), "finished");
        Assert.That(instance["input"]!["name"]!.GetValue<string>(), Is.EqualTo("return.xml"));
    }

    [Test]
    public async Task An_empty_file_is_quarantined_and_once_fixed_is_reprocessed_through_the_api()
    {
        var id = await Api.PublishAsync(DropFlow());
        var path = Path.Combine(_folder, "starters.csv");
        await File.WriteAllBytesAsync(path, []);

        var quarantined = Path.Combine(_folder, "quarantine", "starters.csv");
        await WaitUntilAsync(() => File.Exists(quarantined), "the empty file is quarantined");
        var items = await Http.ReadArrayAsync(await Api.GetAsync("/api/quarantine?status=quarantined"), 200);
        var item = items.Single(i => i!["triggerId"]!.GetValue<string>() == $"{id}:drop")!;
        Assert.That(item["source"]!.GetValue<string>(), Is.EqualTo("file"));
        Assert.That(item["reference"]!.GetValue<string>(), Is.EqualTo(quarantined));
        Assert.That(item["summary"]!.GetValue<string>(), Is.EqualTo("starters.csv"));
        Assert.That(item["reason"]!.GetValue<string>(), Does.Contain("empty"));
        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:drop/events"), 200);
        Assert.That(events.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "quarantined" }));
        Assert.That(await InstancesAsync(id), Is.Empty);

        // An operator fixes the file where it was set aside and hands it back.
        await File.WriteAllTextAsync(quarantined, "name,start\nAda,2027-01-04\n");
        var reprocessed = await Http.ReadAsync(await Api.PostAsync($"/api/quarantine/{item["id"]}/reprocess", null), 200);
        Assert.That(reprocessed["status"]!.GetValue<string>(), Is.EqualTo("reprocessed"));
        Assert.That(File.Exists(quarantined), Is.False);

        var archived = Path.Combine(_folder, "processed", "starters.csv");
        await WaitUntilAsync(() => File.Exists(archived), "the fixed file is taken and archived");
        var instances = await InstancesAsync(id);
        Assert.That(instances, Has.Count.EqualTo(1));
        var instance = await Api.WaitForStatusAsync(instances[0]!["id"]!.GetValue<string>(), "finished");
        Assert.That(instance["input"]!["size"]!.GetValue<long>(), Is.GreaterThan(0));

        // A second reprocess of the same item is refused: it was already handed back.
        await Http.ReadProblemAsync(await Api.PostAsync($"/api/quarantine/{item["id"]}/reprocess", null), 409);
    }

    [Test]
    public async Task A_file_whose_instance_already_exists_is_recorded_as_a_duplicate_and_archived_without_a_second_start()
    {
        // What a server killed between "instance committed" and "file moved" leaves behind: the instance with the file's
        // deterministic id exists and the file is still in the folder. After the restart the trigger sees the file again.
        var id = await Api.PublishAsync(DropFlow(new JsonObject { ["stabilityWait"] = "00:00:00" }));
        var staging = Path.Combine(_folder + "-staging", "claim.json");
        Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        await File.WriteAllTextAsync(staging, """{"claim":"HB-77"}""");
        var modified = new DateTime(2027, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(staging, modified);
        var size = new FileInfo(staging).Length;
        var instanceId = FileDropProcessor.InstanceIdFor($"{id}:drop", "claim.json", size, modified);
        await Server.Services.GetRequiredService<IWorkflowRuntime>().StartAsync(new StartRequest
        {
            DefinitionId = id, InstanceId = instanceId, Input = new JsonObject { ["name"] = "claim.json", ["startedBefore"] = "the crash" },
        });

        File.Move(staging, Path.Combine(_folder, "claim.json"));
        var archived = Path.Combine(_folder, "processed", "claim.json");
        await WaitUntilAsync(() => File.Exists(archived), "the file is archived");
        Directory.Delete(Path.GetDirectoryName(staging)!);

        var instances = await InstancesAsync(id);
        Assert.That(instances.Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { instanceId }), "no second instance");
        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:drop/events"), 200);
        Assert.That(events.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "duplicate" }));
        Assert.That(events[0]!["instanceId"]!.GetValue<string>(), Is.EqualTo(instanceId));
    }

    [Test]
    public async Task A_paused_trigger_leaves_files_in_place_until_it_is_resumed()
    {
        var id = await Api.PublishAsync(DropFlow(new JsonObject { ["stabilityWait"] = "00:00:00" }));
        await Http.ReadAsync(await Api.PostAsync($"/api/triggers/{id}:drop/pause", null), 200);
        var path = Path.Combine(_folder, "report.txt");
        await File.WriteAllTextAsync(path, "monthly report");
        await Task.Delay(TimeSpan.FromSeconds(3)); // Several polls.
        Assert.That(File.Exists(path), Is.True, "a paused trigger takes nothing");
        Assert.That(await InstancesAsync(id), Is.Empty);

        await Http.ReadAsync(await Api.PostAsync($"/api/triggers/{id}:drop/resume", null), 200);
        await WaitUntilAsync(() => File.Exists(Path.Combine(_folder, "processed", "report.txt")), "the file is taken after the resume");
        Assert.That(await InstancesAsync(id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unusable_folder_settings_are_refused_naming_the_setting()
    {
        var flow = DropFlow(new JsonObject
        {
            ["folder"] = "relative/inbox", ["pattern"] = "in/*.pdf", ["stabilityWait"] = "02:00:00", ["archiveFolder"] = "processed",
        });
        var result = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions/validate", flow), 200);
        Assert.That(result["valid"]!.GetValue<bool>(), Is.False);
        var fields = result["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToArray();
        Assert.That(fields, Is.SupersetOf(new[] { "inputs.folder", "inputs.pattern", "inputs.stabilityWait", "inputs.archiveFolder" }), result.ToJsonString());

        var same = DropFlow(new JsonObject { ["archiveFolder"] = _folder + "/" });
        result = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions/validate", same), 200);
        Assert.That(result["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()), Has.Member("inputs.archiveFolder"));
    }

    [Test]
    public async Task Two_workflows_cannot_watch_the_same_folder()
    {
        var first = await Api.PublishAsync(DropFlow());
        var second = DropFlow(new JsonObject { ["folder"] = _folder + "/" });
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", second), 201);
        var problem = await Http.ReadProblemAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{second["id"]}/publish", new { comment = "x" }), 409);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(first));
    }

    private async Task<JsonArray> InstancesAsync(string definitionId) =>
        (await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={definitionId}"), 200))["items"]!.AsArray();

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited 30 s for this, in vain: {what}.");
            await Task.Delay(100);
        }
    }
}
