using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The property panel built from the activity descriptors: typed editors, expressions and dynamic ports.</summary>
public sealed class DesignerPropertyTests : DesignerTestBase
{
    private static JsonObject At(int x, int y) => new() { ["x"] = x, ["y"] = y };

    [Test]
    public async Task Typed_editors_check_what_is_typed_and_dynamic_outcomes_become_ports()
    {
        await Server.CreateDefinitionAsync(new JsonObject
        {
            ["id"] = "editors",
            ["name"] = "Editors",
            ["inputs"] = new JsonArray { new JsonObject { ["name"] = "name", ["type"] = "string" } },
            ["activities"] = new JsonArray
            {
                new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = At(200, 0) },
                new JsonObject { ["id"] = "ask", ["type"] = "HumanTask", ["position"] = At(0, 160) },
                new JsonObject { ["id"] = "route", ["type"] = "Switch", ["position"] = At(320, 160) },
            },
        });
        await SignInAsync(path: "/workflows/editors");
        await Page.Node("ask").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "ask (Human task)" })).ToBeVisibleAsync();

        // A list of outcomes, one per line, becomes the step's ports and its "next step" choices.
        await Page.Locator("#field-ask-inputs_outcomes").FillAsync("Approve\nReject");
        await Expect(Page.Node("ask").Locator(".react-flow__handle.source[data-handleid=\"Approve\"]")).ToHaveCountAsync(1);
        await Expect(Page.Node("ask").Locator(".react-flow__handle.source[data-handleid=\"Reject\"]")).ToHaveCountAsync(1);
        await Expect(Page.GetByLabel("Next step for outcome Reject")).ToBeVisibleAsync();

        // JSON is checked as it is typed.
        var schema = Page.Locator("#field-ask-inputs_formSchema");
        await schema.FillAsync("{ \"type\": ");
        await Expect(Page.Locator("#field-ask-inputs_formSchema-json")).ToContainTextAsync("Not valid JSON");
        await Expect(schema).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("a JSON field with a parse error");
        await schema.FillAsync("{ \"type\": \"object\", \"properties\": { \"reason\": { \"type\": \"string\" } } }");
        await Expect(Page.Locator("#field-ask-inputs_formSchema-json")).ToHaveCountAsync(0);

        // A duration is explained in words.
        var dueIn = Page.Locator("#field-ask-inputs_dueIn");
        await dueIn.FillAsync("soon");
        await Expect(Page.Locator("#field-ask-inputs_dueIn-words")).ToContainTextAsync("Not a duration");
        await dueIn.FillAsync("2.04:00:00");
        await Expect(Page.Locator("#field-ask-inputs_dueIn-words")).ToContainTextAsync("2 days, 4 hours");

        // A Liquid template offers the workflow's inputs as completions.
        await Page.GetByLabel("How to give Title").SelectOptionAsync("liquid");
        await Page.Locator("#field-ask-inputs_title").ClickAsync();
        await Page.Keyboard.TypeAsync("Hello {{ input.n");
        await Expect(Page.Locator(".cm-tooltip-autocomplete li", new() { HasText = "input.name" })).ToBeVisibleAsync();
        await Page.Keyboard.TypeAsync("ame }}");

        // A Switch's cases are its ports, with Default.
        await Page.Node("route").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a case" }).ClickAsync();
        await Page.Locator("#field-route-inputs_cases-0-name").FillAsync("Big");
        await Page.Locator("#field-route-inputs_cases-0-condition").FillAsync("input.amount > 500");
        await Expect(Page.Node("route").Locator(".react-flow__handle.source[data-handleid=\"Big\"]")).ToHaveCountAsync(1);
        await Expect(Page.Node("route").Locator(".react-flow__handle.source[data-handleid=\"Default\"]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync("the settings of a Switch");

        await Expect(Page.Locator(".save-status.save-saved")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var saved = (await Server.ReadDefinitionAsync("editors"))["definition"]!["activities"]!.AsArray();
        var ask = saved.Single(a => (string)a!["id"]! == "ask")!["inputs"]!;
        Assert.That(ask["outcomes"]!.AsArray().Select(o => (string)o!), Is.EqualTo(new[] { "Approve", "Reject" }));
        Assert.That((string)ask["dueIn"]!, Is.EqualTo("2.04:00:00"));
        Assert.That((string)ask["title"]!["$liquid"]!, Is.EqualTo("Hello {{ input.name }}"));
        Assert.That((string)ask["formSchema"]!["properties"]!["reason"]!["type"]!, Is.EqualTo("string"));
        var cases = saved.Single(a => (string)a!["id"]! == "route")!["inputs"]!["cases"]!.AsArray();
        Assert.That((string)cases[0]!["name"]!, Is.EqualTo("Big"));
        Assert.That((string)cases[0]!["condition"]!, Is.EqualTo("input.amount > 500"));
    }

    [Test]
    public async Task A_key_that_may_not_change_workflows_sees_the_flow_read_only()
    {
        await Server.CreateDefinitionAsync(new JsonObject
        {
            ["id"] = "view-only",
            ["name"] = "View only",
            ["activities"] = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = At(0, 0) } },
        });
        var key = await Server.CreateKeyAsync("Olu Operator", "operator");
        await SignInAsync(key, "/workflows/view-only");
        await Expect(Page.GetByText("You can look at this workflow and try it, but not change it")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add Log", Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" })).ToBeDisabledAsync();
        await Page.Node("start").ClickAsync();
        await Expect(Page.GetByLabel("Step id")).ToBeDisabledAsync();
        await AssertAccessibleAsync("the designer for a key that may not change workflows");
    }
}
