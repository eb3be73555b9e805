using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The designer without a mouse: adding, connecting, deleting, undo and redo from the keyboard.</summary>
public sealed class DesignerKeyboardTests : DesignerTestBase
{
    private static JsonObject StartOnly(string id) => new()
    {
        ["id"] = id,
        ["name"] = "Keyboard flow",
        ["activities"] = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = new JsonObject { ["x"] = 100, ["y"] = 40 } } },
    };

    [Test]
    public async Task Steps_are_added_connected_and_deleted_with_the_keyboard_alone()
    {
        await Server.CreateDefinitionAsync(StartOnly("keyboard-flow"));
        await SignInAsync(path: "/workflows/keyboard-flow");
        await Expect(Page.Node("start")).ToBeVisibleAsync();

        // Add from the palette: focus the entry and press Enter.
        await Page.GetByLabel("Search steps").FillAsync("log");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add Log", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Node("log1")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "log1 (Log)" })).ToBeVisibleAsync();

        // Select the Start step on the canvas with the keyboard and connect it through its settings.
        await Page.Node("start").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "start (Start)" })).ToBeVisibleAsync();
        var next = Page.GetByLabel("Next step for outcome Done");
        await next.FocusAsync();
        await next.SelectOptionAsync("log1");
        await Expect(Page.Edge("start", "Done", "log1")).ToHaveCountAsync(1);
        await AssertAccessibleAsync("the designer after adding and connecting with the keyboard");

        // Rename the new step; the connection follows.
        await Page.Node("log1").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var stepId = Page.GetByLabel("Step id");
        await stepId.FillAsync("tellTheTeam");
        await stepId.PressAsync("Enter");
        await Expect(Page.Edge("start", "Done", "tellTheTeam")).ToHaveCountAsync(1);

        // Delete it with the Delete key; undo and redo with the shortcuts and the buttons.
        await Page.Node("tellTheTeam").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Delete");
        await Expect(Page.Node("tellTheTeam")).ToHaveCountAsync(0);
        await Expect(Page.Edge("start", "Done", "tellTheTeam")).ToHaveCountAsync(0);
        await Page.Keyboard.PressAsync("Control+z");
        await Expect(Page.Node("tellTheTeam")).ToBeVisibleAsync();
        await Expect(Page.Edge("start", "Done", "tellTheTeam")).ToHaveCountAsync(1);
        await Page.Keyboard.PressAsync("Control+y");
        await Expect(Page.Node("tellTheTeam")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(Page.Node("tellTheTeam")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(Page.Node("tellTheTeam")).ToHaveCountAsync(0);
        await Expect(Page.Node("log1")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
        await Expect(Page.Node("tellTheTeam")).ToBeVisibleAsync();

        // The shortcuts are listed in a dialog.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Shortcuts" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("the keyboard shortcuts dialog");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // The draft saved by autosave is what the canvas shows.
        await Expect(Page.Locator(".save-status.save-saved")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var saved = (await Server.ReadDefinitionAsync("keyboard-flow"))["definition"]!.AsObject();
        Assert.That(saved["activities"]!.AsArray().Select(a => (string)a!["id"]!), Is.EquivalentTo(new[] { "start", "tellTheTeam" }));
        Assert.That(saved["connections"]!.AsArray().Select(c => $"{c!["from"]}:{c["outcome"]}:{c["to"]}"), Is.EquivalentTo(new[] { "start:Done:tellTheTeam" }));
    }

    [Test]
    public async Task Selected_steps_are_copied_and_pasted_with_new_ids_and_their_connections()
    {
        var document = StartOnly("copy-flow");
        document["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "greet", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = "Hello" },
            ["position"] = new JsonObject { ["x"] = 100, ["y"] = 200 },
        });
        document["connections"] = new JsonArray { new JsonObject { ["from"] = "start", ["outcome"] = "Done", ["to"] = "greet" } };
        await Server.CreateDefinitionAsync(document);
        await SignInAsync(path: "/workflows/copy-flow");
        await Expect(Page.Node("greet")).ToBeVisibleAsync();

        await Page.Keyboard.PressAsync("Control+a");
        await Expect(Page.Locator(".react-flow__node.selected")).ToHaveCountAsync(2);
        await Page.Keyboard.PressAsync("Control+c");
        await Page.Keyboard.PressAsync("Control+v");
        await Expect(Page.Locator(".react-flow__node")).ToHaveCountAsync(4);
        await Expect(Page.Edge("start1", "Done", "log1")).ToHaveCountAsync(1);
        // Two Start steps: the validator says so.
        await Expect(Page.GetByRole(AriaRole.Tab, new() { Name = "Problems", Exact = false })).ToContainTextAsync("(");
        await Page.Keyboard.PressAsync("Control+z");
        await Expect(Page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        await AssertAccessibleAsync("the designer after undoing a paste");
    }
}
