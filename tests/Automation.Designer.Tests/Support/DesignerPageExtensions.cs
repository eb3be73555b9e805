using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Automation.Designer.Tests.Support;

/// <summary>Helpers for the designer page's tests: arranging definitions through the API and driving the canvas.</summary>
public static class DesignerPageExtensions
{
    /// <summary>Creates a draft definition through the API (POST /api/workflow-definitions).</summary>
    public static async Task CreateDefinitionAsync(this DesignerServer server, JsonObject document)
    {
        using var client = server.Client();
        using var response = await client.PostAsJsonAsync("/api/workflow-definitions", document);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The newest version of a definition, read through the API.</summary>
    public static async Task<JsonObject> ReadDefinitionAsync(this DesignerServer server, string id)
    {
        using var client = server.Client();
        var version = await client.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}");
        return version!;
    }

    /// <summary>The canvas node of an activity.</summary>
    public static ILocator Node(this IPage page, string activityId) => page.Locator($".react-flow__node[data-id=\"{activityId}\"]");

    /// <summary>An edge on the canvas, by the connection it draws.</summary>
    public static ILocator Edge(this IPage page, string from, string outcome, string to) =>
        page.Locator($".react-flow__edge[data-id=\"{from}:{outcome}:{to}\"]");

    /// <summary>Drags an activity from the palette onto the canvas at (x, y) inside the canvas (HTML5 drag and drop).</summary>
    public static async Task DragFromPaletteAsync(this IPage page, string displayName, float x, float y)
    {
        var item = page.GetByRole(AriaRole.Button, new() { Name = $"Add {displayName}", Exact = true });
        var pane = page.Locator(".canvas .react-flow__pane");
        var nodes = page.Locator(".react-flow__node");
        var before = await nodes.CountAsync();
        // Let the page settle (the previous drop's validation round trip and re-render): Chromium does not start an
        // HTML5 drag while the page is busy.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Checking…" })).ToHaveCountAsync(0);
        await item.ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(300);
        await item.DragToAsync(pane, new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x, Y = y } });
        try
        {
            await Assertions.Expect(nodes).ToHaveCountAsync(before + 1, new() { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            // The real drag did not start: send the same drag events the browser would, through the same handlers.
            await TestContext.Progress.WriteLineAsync($"The mouse drag of {displayName} did not start; dispatching the drag events instead.");
            var box = (await pane.BoundingBoxAsync())!;
            var transfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
            var at = new Dictionary<string, object> { ["dataTransfer"] = transfer, ["clientX"] = box.X + x, ["clientY"] = box.Y + y };
            await item.DispatchEventAsync("dragstart", new Dictionary<string, object> { ["dataTransfer"] = transfer });
            await pane.DispatchEventAsync("dragover", at);
            await pane.DispatchEventAsync("drop", at);
            await Assertions.Expect(nodes).ToHaveCountAsync(before + 1);
        }
    }

    /// <summary>Draws a connection by dragging from a node's outcome handle to another node's input handle.</summary>
    public static async Task ConnectAsync(this IPage page, string from, string outcome, string to)
    {
        var source = await page.Node(from).Locator($".react-flow__handle.source[data-handleid=\"{outcome}\"]").BoundingBoxAsync();
        var target = await page.Node(to).Locator(".react-flow__handle.target").BoundingBoxAsync();
        Assert.That(source, Is.Not.Null, $"{from} has no {outcome} port on the canvas");
        Assert.That(target, Is.Not.Null, $"{to} has no input handle on the canvas");
        await page.Mouse.MoveAsync(source!.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target!.X + target.Width / 2, target.Y + target.Height / 2, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
    }
}
