using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>
/// A process owner builds a flow on an empty canvas by drag and drop, fixes what the validator reports, publishes it,
/// tries it from the designer, completes its human task from the inbox, sees the path the instance took, and
/// completes a second run's task inline.
/// </summary>
public sealed class DesignerFlowTests : DesignerTestBase
{
    [Test]
    public async Task A_flow_built_by_drag_and_drop_is_validated_published_and_test_run_to_the_end()
    {
        await Server.CreateDefinitionAsync(new JsonObject { ["id"] = "leave-request", ["name"] = "Leave request", ["activities"] = new JsonArray() });
        await SignInAsync(path: "/workflows/leave-request");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Leave request", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("The canvas is empty.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("the designer with an empty canvas");

        // The workflow's input, declared in the workflow settings.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Workflow" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add input" }).ClickAsync();
        await Page.Locator("#field-workflow-inputs_0__name").FillAsync("days");
        await Page.Locator("#field-workflow-inputs_0__type").SelectOptionAsync("number");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Required" }).CheckAsync();
        await AssertAccessibleAsync("the workflow settings");

        // The steps, dragged from the palette.
        await Page.DragFromPaletteAsync("Start", 370, 40);
        await Expect(Page.Node("start1")).ToBeVisibleAsync();
        await Page.DragFromPaletteAsync("Decision", 370, 190);
        await Page.DragFromPaletteAsync("Human task", 140, 350);
        await Page.DragFromPaletteAsync("Log", 520, 350);
        await Page.DragFromPaletteAsync("End", 370, 510);
        foreach (var id in new[] { "decision1", "humanTask1", "log1", "end1" }) await Expect(Page.Node(id)).ToBeVisibleAsync();

        // Connected by dragging from the outcome ports.
        await Page.ConnectAsync("start1", "Done", "decision1");
        await Page.ConnectAsync("decision1", "True", "humanTask1");
        await Page.ConnectAsync("decision1", "False", "log1");
        await Page.ConnectAsync("humanTask1", "Done", "end1");
        await Page.ConnectAsync("log1", "Done", "end1");
        await Expect(Page.Edge("start1", "Done", "decision1")).ToHaveCountAsync(1);
        await Expect(Page.Edge("decision1", "True", "humanTask1")).ToHaveCountAsync(1);
        await Expect(Page.Edge("decision1", "False", "log1")).ToHaveCountAsync(1);
        await Expect(Page.Edge("humanTask1", "Done", "end1")).ToHaveCountAsync(1);
        await Expect(Page.Edge("log1", "Done", "end1")).ToHaveCountAsync(1);

        // The validator reports the missing required settings on the nodes and in the problems list.
        await Expect(Page.Node("decision1")).ToContainTextAsync("1 problem");
        await Expect(Page.Node("log1")).ToContainTextAsync("1 problem");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" })).ToBeDisabledAsync();
        await Expect(Page.Locator("#publish-blocked")).ToContainTextAsync("Fix the 3 problems before publishing");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Problems (3)" }).ClickAsync();
        await AssertAccessibleAsync("the designer listing problems");

        // Choosing a problem selects its step and focuses the field.
        await Page.Locator(".problem", new() { HasText = "decision1" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "decision1 (Decision)" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#field-decision1-inputs_condition")).ToBeFocusedAsync();
        await Expect(Page.Locator("#field-decision1-inputs_condition")).ToHaveAttributeAsync("aria-invalid", "true");
        await Page.GetByLabel("How to give Condition").SelectOptionAsync("js");
        var condition = Page.Locator("#field-decision1-inputs_condition");
        await condition.ClickAsync();
        await Page.Keyboard.TypeAsync("input.days > 5");
        await Expect(Page.Node("decision1")).Not.ToContainTextAsync("problem");
        await AssertAccessibleAsync("the settings of a decision with an expression");

        await Page.Node("humanTask1").ClickAsync();
        await Expect(Page.Locator("#field-humanTask1-inputs_title")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("a step whose required field is missing");
        await Page.Locator("#field-humanTask1-inputs_title").FillAsync("Approve a long leave");
        await Page.Node("log1").ClickAsync();
        await Page.Locator("#field-log1-inputs_message").FillAsync("Short leave approved automatically");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "No problems" })).ToBeVisibleAsync();
        await Expect(Page.Node("log1")).Not.ToContainTextAsync("problem");

        // A test run needs a published version.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Test run" }).ClickAsync();
        await Expect(Page.GetByText("This workflow has not been published yet.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Start test run" })).ToBeDisabledAsync();

        // Autosave, then publish with a comment.
        await Expect(Page.Locator(".save-status.save-saved")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        await Page.GetByLabel("What changed (optional)").FillAsync("First version");
        await AssertAccessibleAsync("the publish dialog");
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(Page.GetByText("Version 1 · Published")).ToBeVisibleAsync();

        // What the canvas shows is what the server has.
        var saved = (await Server.ReadDefinitionAsync("leave-request"))["definition"]!.AsObject();
        var activities = saved["activities"]!.AsArray().Select(a => $"{a!["id"]}:{a["type"]}").Order().ToList();
        Assert.That(activities, Is.EqualTo(new[] { "decision1:Decision", "end1:End", "humanTask1:HumanTask", "log1:Log", "start1:Start" }));
        var connections = saved["connections"]!.AsArray().Select(c => $"{c!["from"]}:{c["outcome"]}:{c["to"]}").Order().ToList();
        var edges = await Page.Locator(".react-flow__edge").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)");
        Assert.That(connections, Is.EqualTo(edges.Order().ToList()));
        Assert.That(saved["activities"]!.AsArray().Single(a => (string)a!["id"]! == "decision1")!["inputs"]!["condition"]!["$js"]!.GetValue<string>(), Is.EqualTo("input.days > 5"));
        Assert.That(saved["inputs"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("days"));
        Assert.That(saved["activities"]![0]!["position"], Is.Not.Null);

        // A test run lights up the path and waits on the human task.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Test run" }).ClickAsync();
        await Page.GetByLabel("days").FillAsync("10");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start test run" }).ClickAsync();
        await Expect(Page.Locator(".run-status")).ToContainTextAsync("Waiting");
        await Expect(Page.Node("decision1")).ToContainTextAsync("Completed");
        await Expect(Page.Node("humanTask1")).ToContainTextAsync("Waiting");
        await Expect(Page.Node("log1")).Not.ToContainTextAsync("Completed");
        await Expect(Page.Locator(".react-flow__edge.fc-edge-taken[data-id=\"decision1:True:humanTask1\"]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync("a test run waiting on a human task");

        await Page.Locator(".run-step", new() { HasText = "decision1" }).ClickAsync();
        await Expect(Page.Locator(".step-details")).ToContainTextAsync("outcome True");
        var instancePage = await Page.Locator(".run-status a").GetAttributeAsync("href");

        // The task waits in the inbox, where it is claimed and completed.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Tasks" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "All open" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Approve a long leave" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Claim task" }).ClickAsync();
        await Expect(Page.GetByText("Claimed by you")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Expect(Page.GetByText("The task “Approve a long leave” was completed.")).ToBeVisibleAsync();

        // The instance finished along the True branch, and its chart shows that path.
        await Page.GotoAsync(instancePage!);
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Finished");
        foreach (var id in new[] { "start1", "decision1", "humanTask1", "end1" }) await Expect(Page.Node(id)).ToContainTextAsync("Completed");
        await Expect(Page.Node("log1")).Not.ToContainTextAsync("Completed");
        await Expect(Page.Locator(".react-flow__edge.fc-edge-taken[data-id=\"humanTask1:Done:end1\"]")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".react-flow__edge.fc-edge-taken[data-id=\"decision1:False:log1\"]")).ToHaveCountAsync(0);
        await AssertAccessibleAsync("the finished instance with its path");

        // A second run, from the designer again, completes its task inline.
        await Page.GotoAsync("/workflows/leave-request");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Test run" }).ClickAsync();
        await Page.GetByLabel("days").FillAsync("8");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start test run" }).ClickAsync();
        await Expect(Page.Locator(".run-status")).ToContainTextAsync("Waiting");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Complete task: Done" }).ClickAsync();
        await Expect(Page.Locator(".run-status")).ToContainTextAsync("Finished");
        await Expect(Page.Node("end1")).ToContainTextAsync("Completed");
        await Expect(Page.Node("humanTask1")).ToContainTextAsync("Completed");
        await AssertAccessibleAsync("a finished test run");
    }
}
