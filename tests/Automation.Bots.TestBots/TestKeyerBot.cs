using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Microsoft.Playwright;

namespace Automation.Bots.TestBots;

/// <summary>
/// Keys an item's reference into the test page (setting <c>url</c>) and saves it; the item's <c>data.action</c> says what
/// else happens: <c>business</c> (unknown supplier), <c>system</c> (a button that is not there), <c>sleep</c> (for
/// <c>data.ms</c>), <c>hang</c> (until cancelled). Setting <c>hang</c> = true makes every item hang (a process to kill).
/// </summary>
public sealed class TestKeyerBot : IQueueBot
{
    /// <summary>How many times each item id was handed to a bot of this process.</summary>
    public static ConcurrentDictionary<string, int> Calls { get; } = new();

    public string Name => "test-keyer";

    public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(context.Item.Id, 1, (_, n) => n + 1);
        var page = context.Page;
        await page.GotoAsync(context.Setting("url") ?? throw new InvalidOperationException("setting 'url' is missing"));
        await page.GetByLabel("Reference", new() { Exact = true }).FillAsync(context.Item.Reference ?? context.Item.Id);
        if (context.Setting("hang") == "true") await Task.Delay(Timeout.Infinite, cancellationToken);
        switch (context.Item.Data["action"]?.GetValue<string>() ?? "ok")
        {
            case "business":
                throw new BusinessException($"Supplier {context.Item.Data["supplier"]} does not exist in the finance system.", "unknown-supplier");
            case "system":
                await page.GetByRole(AriaRole.Button, new() { Name = "Post to ledger" }).ClickAsync(new() { Timeout = 300 });
                break;
            case "sleep":
                await Task.Delay(context.Item.Data["ms"]!.GetValue<int>(), cancellationToken);
                break;
            case "hang":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        return new JsonObject { ["saved"] = await page.Locator("#saved").TextContentAsync(), ["worker"] = context.WorkerId };
    }
}
