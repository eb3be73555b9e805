using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The workflow library at /workflows: list, search, create, duplicate, delete, import and export.</summary>
public sealed class LibraryTests : DesignerTestBase
{
    private ILocator Row(string name) => Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    [Test]
    public async Task Creating_a_workflow_derives_its_id_and_opens_it_in_the_designer()
    {
        await SignInAsync(path: "/workflows");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create a workflow" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Create a workflow" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Name")).ToBeFocusedAsync();
        await AssertAccessibleAsync("the create dialog");

        // Escape closes the dialog and focus returns to the button that opened it.
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Create a workflow" })).ToBeFocusedAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Create a workflow" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create and open" }).ClickAsync();
        await Expect(dialog.GetByText("Enter a name.")).ToBeVisibleAsync();

        var id = "pothole-triage-" + Guid.NewGuid().ToString("N")[..6];
        await dialog.GetByLabel("Name").FillAsync("Pothole triage");
        await Expect(dialog.GetByLabel("Id")).ToHaveValueAsync("pothole-triage");
        await dialog.GetByLabel("Id").FillAsync(id);
        await dialog.GetByLabel("Description (optional)").FillAsync("Sorts pothole reports by danger.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create and open" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/workflows/{id}$"));
        using var api = Server.Client();
        var saved = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}");
        var definition = saved!["definition"]!;
        Assert.That(definition["name"]!.GetValue<string>(), Is.EqualTo("Pothole triage"));
        Assert.That(definition["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "Start", "End" }));
        Assert.That(definition["connections"]!.AsArray(), Has.Count.EqualTo(1));
        var check = await (await api.PostAsJsonAsync("/api/workflow-definitions/validate", definition)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(check!["valid"]!.GetValue<bool>(), Is.True, "a new workflow can be published as it is: " + check.ToJsonString());
    }

    [Test]
    public async Task Search_and_the_status_filter_narrow_the_list_and_each_row_shows_its_status_in_words()
    {
        using var api = Server.Client();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging($"invoice-{tag}", $"Supplier invoice {tag}", "v1"));
        await WorkflowArrange.PublishAsync(api, $"invoice-{tag}");
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging($"leaver-{tag}", $"Leaver {tag}", "v1"));
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging($"foi-{tag}", $"FOI request {tag}", "v1"));
        await WorkflowArrange.PublishAsync(api, $"foi-{tag}");
        await WorkflowArrange.SaveAsync(api, WorkflowArrange.Logging($"foi-{tag}", $"FOI request {tag}", "v2"));

        await SignInAsync(path: "/workflows");
        await Expect(Row($"Supplier invoice {tag}")).ToContainTextAsync("Published v1");
        await Expect(Row($"Leaver {tag}")).ToContainTextAsync("Draft v1");
        await Expect(Row($"FOI request {tag}")).ToContainTextAsync("Published v1 · v2 draft pending");
        await Expect(Row($"FOI request {tag}")).ToContainTextAsync("bootstrap-admin");
        await AssertAccessibleAsync("the workflow library");
        await Page.SaveScreenshotAsync("workflow-library");

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync($"invoice-{tag}");
        await Expect(Page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // the header and one workflow
        await Expect(Row($"Supplier invoice {tag}")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(tag);
        await Expect(Page.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Published, with a draft pending" });
        await Expect(Page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(Row($"FOI request {tag}")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("no-such-workflow-" + tag);
        await Expect(Page.GetByText("No workflows match your search")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Duplicating_copies_the_newest_version_under_a_new_name_and_id()
    {
        using var api = Server.Client();
        var id = "dup-" + Guid.NewGuid().ToString("N")[..6];
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging(id, $"Blue badge {id}", "first"));
        await WorkflowArrange.PublishAsync(api, id);
        await WorkflowArrange.SaveAsync(api, WorkflowArrange.Logging(id, $"Blue badge {id}", "newest"));

        await SignInAsync(path: "/workflows");
        await Row($"Blue badge {id}").GetByRole(AriaRole.Button, new() { Name = "Duplicate" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Duplicate “Blue badge {id}”" });
        await Expect(dialog.GetByLabel("Name")).ToHaveValueAsync($"Copy of Blue badge {id}");
        await Expect(dialog.GetByLabel("Id")).ToHaveValueAsync($"copy-of-blue-badge-{id}");
        await AssertAccessibleAsync("the duplicate dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Duplicate" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Made a copy called “Copy of Blue badge {id}”");
        await Expect(Row($"Copy of Blue badge {id}")).ToContainTextAsync("Draft v1");
        var copy = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/copy-of-blue-badge-{id}");
        Assert.That(copy!["definition"]!["activities"]![1]!["inputs"]!["message"]!.GetValue<string>(), Is.EqualTo("newest"));
    }

    [Test]
    public async Task Deleting_asks_first_names_the_workflow_and_explains_a_refusal_while_an_instance_is_waiting()
    {
        using var api = Server.Client();
        var busy = "busy-" + Guid.NewGuid().ToString("N")[..6];
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Approval(busy, $"Busy {busy}"));
        await WorkflowArrange.PublishAsync(api, busy);
        var instance = await WorkflowArrange.StartAsync(api, busy);
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("suspended"));
        var idle = "idle-" + Guid.NewGuid().ToString("N")[..6];
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging(idle, $"Idle {idle}", "hi"));

        ExpectedConsoleErrors.Add("409");
        await SignInAsync(path: "/workflows");
        await Row($"Busy {busy}").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Delete “Busy {busy}”?" });
        await Expect(dialog).ToContainTextAsync("cannot be undone");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete workflow" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("still in use");
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("suspended instances");
        await AssertAccessibleAsync("the delete dialog showing the refusal");
        await Page.SaveScreenshotAsync("workflow-library-delete-refused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Row($"Busy {busy}")).ToBeVisibleAsync();

        await Row($"Idle {idle}").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog, new() { Name = $"Delete “Idle {idle}”?" })
            .GetByRole(AriaRole.Button, new() { Name = "Delete workflow" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Deleted “Idle {idle}”");
        await Expect(Row($"Idle {idle}")).ToHaveCountAsync(0);
        var gone = await api.GetAsync($"/api/workflow-definitions/{idle}");
        Assert.That((int)gone.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Import_and_export_round_trip_a_definition_unchanged()
    {
        var id = "roundtrip-" + Guid.NewGuid().ToString("N")[..6];
        var original = WorkflowArrange.Full(id, $"Round trip {id}");
        var folder = Directory.CreateTempSubdirectory("designer-import-");
        try
        {
            var file = Path.Combine(folder.FullName, $"{id}.workflow.json");
            await File.WriteAllTextAsync(file, original.ToJsonString(new() { WriteIndented = true }));

            await SignInAsync(path: "/workflows");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Import a workflow" }).ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Import a workflow" });
            await dialog.GetByLabel("Workflow file").SetInputFilesAsync(file);
            await Expect(dialog.GetByLabel("Id")).ToHaveValueAsync(id);
            await Expect(dialog.GetByLabel("Name")).ToHaveValueAsync($"Round trip {id}");
            await AssertAccessibleAsync("the import dialog with a file chosen");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Imported “Round trip {id}” as a draft.");

            var download = await Page.RunAndWaitForDownloadAsync(() =>
                Row($"Round trip {id}").GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync());
            Assert.That(download.SuggestedFilename, Is.EqualTo($"{id}.workflow.json"));
            var exportedFile = Path.Combine(folder.FullName, "exported", download.SuggestedFilename);
            await download.SaveAsAsync(exportedFile);
            var exported = JsonNode.Parse(await File.ReadAllTextAsync(exportedFile))!;
            Assert.That(JsonNode.DeepEquals(exported, original), Is.True,
                $"exported:{Environment.NewLine}{exported.ToJsonString()}{Environment.NewLine}imported:{Environment.NewLine}{original.ToJsonString()}");

            // The exported file imports again, beside the original, under a new id.
            var copyId = id + "-again";
            await Page.GetByRole(AriaRole.Button, new() { Name = "Import a workflow" }).ClickAsync();
            await dialog.GetByLabel("Workflow file").SetInputFilesAsync(exportedFile);
            await dialog.GetByLabel("Id").FillAsync(copyId);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("as a draft.");
            using var api = Server.Client();
            var copy = (await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{copyId}"))!["definition"]!.AsObject();
            copy["id"] = id;
            Assert.That(JsonNode.DeepEquals(copy, original), Is.True, copy.ToJsonString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Importing_a_file_the_server_refuses_lists_every_problem()
    {
        var folder = Directory.CreateTempSubdirectory("designer-import-");
        try
        {
            var broken = Path.Combine(folder.FullName, "broken.workflow.json");
            await File.WriteAllTextAsync(broken, """{"id": "broken-flow", "name": "Broken", "activities": [{"id": "a"}], "connections": "none"}""");
            var notJson = Path.Combine(folder.FullName, "notes.workflow.json");
            await File.WriteAllTextAsync(notJson, "this is not JSON");

            ExpectedConsoleErrors.Add("400");
            await SignInAsync(path: "/workflows");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Import a workflow" }).ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Import a workflow" });
            await dialog.GetByLabel("Workflow file").SetInputFilesAsync(notJson);
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("notes.workflow.json is not valid JSON");

            await dialog.GetByLabel("Workflow file").SetInputFilesAsync(broken);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            var alert = dialog.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("The workflow was not imported.");
            Assert.That(await alert.GetByRole(AriaRole.Listitem).CountAsync(), Is.GreaterThanOrEqualTo(2), await alert.InnerTextAsync());
            await AssertAccessibleAsync("the import dialog listing problems");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>Workflows arranged through the API for the library, versions and dashboard tests.</summary>
internal static class WorkflowArrange
{
    public static JsonObject Node(string id, string type, JsonObject? inputs = null, string? displayName = null, int y = 0)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type };
        if (displayName is not null) node["displayName"] = displayName;
        node["inputs"] = inputs ?? [];
        return node;
    }

    public static JsonObject Edge(string from, string to, string outcome = "Done") =>
        new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };

    public static JsonObject Flow(string id, string name, JsonArray activities, JsonArray connections) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["variables"] = new JsonArray(),
        ["activities"] = activities,
        ["connections"] = connections,
    };

    /// <summary>Start → Log "message" (id <c>say</c>, shown as "Say something") → End.</summary>
    public static JsonObject Logging(string id, string name, string message) => Flow(id, name,
        [Node("start", "Start"), Node("say", "Log", new JsonObject { ["message"] = message }, "Say something"), Node("end", "End")],
        [Edge("start", "say"), Edge("say", "end")]);

    /// <summary>Start → Fail: the instance faults at once.</summary>
    public static JsonObject Failing(string id, string name) => Flow(id, name,
        [Node("start", "Start"), Node("boom", "Fail", new JsonObject { ["message"] = "The council tax system did not answer" })],
        [Edge("start", "boom")]);

    /// <summary>Start → HumanTask (waits for an operator) → End.</summary>
    public static JsonObject Approval(string id, string name) => Flow(id, name,
        [
            Node("start", "Start"),
            Node("ask", "HumanTask", new JsonObject { ["title"] = "Approve the request", ["role"] = "operator", ["outcomes"] = new JsonArray("Approve", "Reject") }),
            Node("end", "End"),
        ],
        [Edge("start", "ask"), Edge("ask", "end", "Approve"), Edge("ask", "end", "Reject")]);

    /// <summary>A definition using every part of the format, written as the server writes it back.</summary>
    public static JsonObject Full(string id, string name) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["description"] = "Checks a case reference and logs it — with “quotes” and a £ sign.",
        ["inputs"] = new JsonArray(new JsonObject
        {
            ["name"] = "caseRef", ["type"] = "string", ["required"] = true, ["description"] = "The case reference", ["secret"] = false,
        }),
        ["outputs"] = new JsonArray(new JsonObject { ["name"] = "summary", ["type"] = "string", ["required"] = false, ["secret"] = false }),
        ["variables"] = new JsonArray(
            new JsonObject { ["name"] = "summary", ["type"] = "string", ["secret"] = false },
            new JsonObject { ["name"] = "count", ["type"] = "number", ["default"] = 0, ["secret"] = false }),
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = "Start", ["inputs"] = new JsonObject(), ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
            new JsonObject
            {
                ["id"] = "urgent", ["type"] = "Decision", ["displayName"] = "Is it urgent?",
                ["inputs"] = new JsonObject { ["condition"] = new JsonObject { ["$js"] = "input.caseRef.startsWith('U')" } },
                ["position"] = new JsonObject { ["x"] = 0, ["y"] = 120 },
            },
            new JsonObject
            {
                ["id"] = "summarise", ["type"] = "SetVariable", ["displayName"] = "Summarise",
                ["inputs"] = new JsonObject { ["variable"] = "summary", ["value"] = new JsonObject { ["$liquid"] = "Case {{ input.caseRef }}" } },
                ["position"] = new JsonObject { ["x"] = -150, ["y"] = 240 },
            },
            new JsonObject
            {
                ["id"] = "log", ["type"] = "Log", ["displayName"] = "Note it",
                ["inputs"] = new JsonObject { ["message"] = "Not urgent", ["level"] = "Warning" },
                ["position"] = new JsonObject { ["x"] = 150, ["y"] = 240 },
            },
            new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject(), ["position"] = new JsonObject { ["x"] = 0, ["y"] = 360 } }),
        ["connections"] = new JsonArray(
            Edge("start", "urgent"), Edge("urgent", "summarise", "True"), Edge("urgent", "log", "False"),
            Edge("summarise", "end"), Edge("log", "end")),
    };

    public static async Task CreateAsync(HttpClient api, JsonObject definition)
    {
        using var response = await api.PostAsJsonAsync("/api/workflow-definitions", definition);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    public static async Task SaveAsync(HttpClient api, JsonObject definition)
    {
        using var response = await api.PutAsJsonAsync($"/api/workflow-definitions/{definition["id"]}", definition);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    public static async Task PublishAsync(HttpClient api, string id, string comment = "Ready")
    {
        using var response = await api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts an instance and waits until it finishes, faults or waits.</summary>
    public static async Task<JsonObject> StartAsync(HttpClient api, string id)
    {
        using var response = await api.PostAsJsonAsync($"/api/workflow-definitions/{id}/instances?wait=true", new { input = new { } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
