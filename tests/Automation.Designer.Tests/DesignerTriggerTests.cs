using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Automation.Engine.Activities.Framework;
using Automation.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>
/// A trigger takes Start's place on the canvas: it comes from the palette's Triggers group, nothing can lead into it,
/// its settings are plain values, and the workflow publishes with it as its entry (registering the trigger).
/// </summary>
public sealed class DesignerTriggerTests : DesignerTestBase
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(ActivityRegistry.Create(typeof(ServerComposition).Assembly, typeof(TestScheduleTrigger).Assembly));

    [Test]
    public async Task A_trigger_from_the_palette_is_the_entry_of_a_flow_that_publishes()
    {
        await Server.CreateDefinitionAsync(new JsonObject { ["id"] = "night-run", ["name"] = "Night run", ["activities"] = new JsonArray() });
        await SignInAsync(path: "/workflows/night-run");

        // The palette groups triggers under their own heading.
        var triggers = Page.GetByRole(AriaRole.Region, new() { Name = "Triggers" });
        await Expect(triggers.GetByRole(AriaRole.Button, new() { Name = "Add Test schedule" })).ToBeVisibleAsync();

        await Page.DragFromPaletteAsync("Test schedule", 370, 40);
        await Page.DragFromPaletteAsync("Log", 370, 220);
        await Page.DragFromPaletteAsync("End", 370, 400);
        var trigger = Page.Node("testSchedule1");
        await Expect(trigger).ToContainTextAsync("Trigger: starts the workflow");
        // The entry has outcome ports but no input handle, like Start; other steps have one.
        await Expect(trigger.Locator(".react-flow__handle.target")).ToHaveCountAsync(0);
        await Expect(trigger.Locator(".react-flow__handle.source[data-handleid=\"Done\"]")).ToHaveCountAsync(1);
        await Expect(Page.Node("end1").Locator(".react-flow__handle.target")).ToHaveCountAsync(1);
        await Page.ConnectAsync("testSchedule1", "Done", "log1");
        await Page.ConnectAsync("log1", "Done", "end1");
        await Expect(Page.Edge("testSchedule1", "Done", "log1")).ToHaveCountAsync(1);
        await Expect(Page.Edge("log1", "Done", "end1")).ToHaveCountAsync(1);

        // The keyboard way to connect does not offer the entry as a next step either.
        await Page.Node("log1").ClickAsync();
        await Page.Locator("#field-log1-inputs_message").FillAsync("Night run started");
        var next = Page.GetByLabel("Next step for outcome Done");
        await Expect(next.Locator("option[value=\"end1\"]")).ToHaveCountAsync(1);
        await Expect(next.Locator("option[value=\"testSchedule1\"]")).ToHaveCountAsync(0);

        // Its settings are values only: no switch to an expression or a template.
        await trigger.ClickAsync();
        await Expect(Page.GetByText("Its settings are read when the workflow is published")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("How to give Cron")).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("How to give Time zone")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#field-testSchedule1-inputs_timeZone")).ToHaveAttributeAsync("placeholder", "Europe/London");
        await Expect(trigger).ToContainTextAsync("1 problem");
        await Page.Locator("#field-testSchedule1-inputs_cron").FillAsync("0 0 6 ? * MON-FRI");
        await Expect(Page.Locator("#field-testSchedule1-inputs_cron-words")).ToContainTextAsync("Runs: At 06:00, Monday through Friday.");
        await Expect(trigger).Not.ToContainTextAsync("problem");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "No problems" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("a trigger on the canvas with its settings");

        await Expect(Page.Locator(".save-status.save-saved")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(Page.GetByText("Version 1 · Published")).ToBeVisibleAsync();

        // Publishing registered the trigger with its settings.
        using var client = Server.Client();
        var registered = await client.GetFromJsonAsync<JsonArray>("/api/triggers?type=TestSchedule");
        Assert.That(registered!.Select(t => (string?)t!["id"]), Is.EqualTo(new[] { "night-run:testSchedule1" }));
        Assert.That((string?)registered![0]!["settings"]!["cron"], Is.EqualTo("0 0 6 ? * MON-FRI"));
        Assert.That((string?)registered![0]!["settings"]!["timeZone"], Is.EqualTo("Europe/London"));
    }
}
