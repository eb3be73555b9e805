using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>Leaving the designer: unsaved changes are not lost without a question, and the version history is one link away.</summary>
public sealed class DesignerNavigationTests : DesignerTestBase
{
    [Test]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them()
    {
        await Server.CreateDefinitionAsync(new JsonObject
        {
            ["id"] = "guarded", ["name"] = "Guarded flow",
            ["activities"] = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = new JsonObject { ["x"] = 100, ["y"] = 40 } } },
        });
        await SignInAsync(path: "/workflows/guarded");
        await Expect(Page.Node("start")).ToBeVisibleAsync();

        var questions = new List<string>();
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            asked.TrySetResult(dialog.Message);
            await dialog.DismissAsync();
        };
        // The autosave's answer is held back until the question has been asked, so that the change is still unsaved
        // when the link is followed however slow the machine is.
        var releaseSave = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/api/workflow-definitions/guarded", async route =>
        {
            if (route.Request.Method == "PUT") await releaseSave.Task;
            await route.ContinueAsync();
        });

        // An edit, then a link out of the designer.
        await Page.GetByLabel("Search steps").FillAsync("log");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Node("log1")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Workflows" }).ClickAsync();

        Assert.That(await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)), Does.Contain("changes that are not saved yet"));
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workflows/guarded$"));
        await Expect(Page.Node("log1")).ToBeVisibleAsync();
        releaseSave.SetResult();

        // Once saved, the version history is a plain link away, with no question.
        await Expect(Page.Locator(".save-status")).ToContainTextAsync("Saved", new() { Timeout = 10_000 });
        questions.Clear();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Version history" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workflows/guarded/versions$"));
        Assert.That(questions, Is.Empty);
    }
}
