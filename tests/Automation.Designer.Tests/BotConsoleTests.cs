using System.Text.RegularExpressions;
using Automation.Bots.Browser.Workers;
using Automation.Designer.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>
/// The console's bots page and an item's evidence, from the server's real bot host running <see cref="ConsoleTestBot"/>
/// in the machine's Chromium: workers online with the item in hand, a misconfigured pool and why, items per hour and
/// failures by reason; and the screenshot and trace the host saved when an attempt ended in a system exception.
/// </summary>
public sealed class BotConsoleTests : DesignerTestBase
{
    private const string EvidenceQueue = "bot-evidence";
    private const string WorkQueue = "bot-work";
    private readonly ConsoleTestBot _bot = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Automation:Bots:HeartbeatInterval"] = "00:00:01",
        ["Automation:Bots:IdlePollMax"] = "00:00:00.200",
        ["Automation:Bots:StopGrace"] = "00:00:02",
        ["Automation:Bots:Pools:0:Bot"] = ConsoleTestBot.BotName,
        ["Automation:Bots:Pools:0:Queue"] = EvidenceQueue,
        ["Automation:Bots:Pools:1:Bot"] = ConsoleTestBot.BotName,
        ["Automation:Bots:Pools:1:Queue"] = WorkQueue,
        ["Automation:Bots:Pools:2:Name"] = "broken-pool",
        ["Automation:Bots:Pools:2:Bot"] = "no-such-bot",
        ["Automation:Bots:Pools:2:Queue"] = WorkQueue,
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IQueueBot>(_bot);

    [OneTimeTearDown]
    public void ReleaseHeldItems() => _bot.Release();

    [Test]
    public async Task An_items_page_shows_the_screenshot_and_offers_the_trace_of_a_failed_attempt()
    {
        // The pool's workers find the queue once it exists (they look again every heartbeat).
        await Server.CreateQueueAsync(EvidenceQueue, new { maxAttempts = 1 });
        var ids = await Server.AddItemsAsync(EvidenceQueue,
            new { reference = "SYS-1", data = new { outcome = "system" } },
            new { reference = "BUS-1", data = new { outcome = "business", supplier = "Nobody Ltd" } });
        await Server.WaitForItemAsync(ids[0], "failed");
        await Server.WaitForItemAsync(ids[1], "failed");

        await SignInAsync(path: $"/queue-items/{ids[0]}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "SYS-1 in bot-evidence", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".alert.error")).ToContainTextAsync("The Save button did not answer within 5 seconds");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Evidence", Level = 2 })).ToBeVisibleAsync();

        // The screenshot is fetched with the key and shown, named by its attempt and time.
        var screenshot = Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Screenshot from attempt 1, .+: the page when the attempt failed$") });
        await Expect(screenshot).ToBeVisibleAsync();
        await Expect(screenshot).ToHaveAttributeAsync("src", new Regex("^blob:"));
        Assert.That(await screenshot.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0"), Is.GreaterThan(0), "the screenshot is a picture the browser could draw");

        // The trace downloads as the Playwright trace (a zip) the host saved.
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download the trace of attempt 1" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.That(bytes.Take(2), Is.EqualTo("PK"u8.ToArray()), $"{download.SuggestedFilename} is a zip");
        await Expect(Page.GetByText("npx playwright show-trace")).ToBeVisibleAsync();
        await AssertAccessibleAsync("an item's page with a screenshot and a trace");
        await Page.SaveScreenshotAsync("queue-item-evidence", fullPage: true);

        // A business exception: its code, and no evidence (the data is wrong, not the run).
        await Page.GotoAsync($"/queue-items/{ids[1]}");
        await Expect(Page.Locator(".alert.error")).ToContainTextAsync("Supplier 'Nobody Ltd' does not exist in FIN/2000");
        await Expect(Page.Locator(".alert.error")).ToContainTextAsync("Code: unknown-supplier");
        await Expect(Page.GetByText("No evidence:")).ToBeVisibleAsync();
        await Expect(Page.Locator(".queue-history tbody tr").Last).ToContainTextAsync("unknown-supplier");
    }

    [Test]
    public async Task The_bots_page_shows_workers_online_with_the_item_in_hand_a_misconfigured_pool_and_what_the_bots_did()
    {
        await Server.CreateQueueAsync(WorkQueue, new { maxAttempts = 1 });
        var settled = await Server.AddItemsAsync(WorkQueue,
            new { reference = "OK-1", data = new { outcome = "ok" } },
            new { reference = "BUS-2", data = new { outcome = "business", supplier = "Gone Ltd" } });
        await Server.WaitForItemAsync(settled[0], "successful");
        await Server.WaitForItemAsync(settled[1], "failed");
        var held = (await Server.AddItemsAsync(WorkQueue, new { reference = "HOLD-1", data = new { outcome = "hold" } }))[0];
        var inHand = await Server.WaitForItemAsync(held, "inProgress");

        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Bots" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Bots", Level = 1 })).ToBeVisibleAsync();

        var working = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "HOLD-1" });
        await Expect(working).ToContainTextAsync((string)inHand["heldBy"]!);
        await Expect(working).ToContainTextAsync("Online");
        await Expect(working).ToContainTextAsync("Working");
        await Expect(working).ToContainTextAsync("just now");
        var itemLink = working.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(": HOLD-1$") });
        await Expect(itemLink).ToHaveAttributeAsync("href", $"/queue-items/{held}");

        var broken = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "no-such-bot" });
        await Expect(broken).ToContainTextAsync("Misconfigured");
        await Expect(broken).ToContainTextAsync("Offline");
        await Expect(broken).ToContainTextAsync("broken-pool");

        // What the bots did: one success and one business failure on the work queue.
        var perBot = Page.GetByRole(AriaRole.Table, new() { Name = "Items per bot and queue, last 24 hours" });
        var botRow = perBot.GetByRole(AriaRole.Row).Filter(new() { HasText = WorkQueue });
        await Expect(botRow.Locator("td").Nth(1)).ToHaveTextAsync("0.04 an hour");
        await Expect(botRow.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(botRow.Locator("td").Nth(3)).ToHaveTextAsync("1");
        var reasons = Page.GetByRole(AriaRole.Table, new() { Name = "Failures by queue, kind and code, last 24 hours" });
        var reason = reasons.GetByRole(AriaRole.Row).Filter(new() { HasText = "unknown-supplier" }).Filter(new() { HasText = WorkQueue });
        await Expect(reason).ToContainTextAsync("Business");
        await Expect(reason.Locator("td").Last).ToHaveTextAsync("1");
        await AssertAccessibleAsync("the bots page");
        await Page.SaveScreenshotAsync("bots", fullPage: true);

        await Page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "Last hour" });
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Items per bot and queue, last hour" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = WorkQueue }).Locator("td").Nth(1)).ToHaveTextAsync("1 an hour");

        await itemLink.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "HOLD-1 in bot-work", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("In progress");
        await Expect(Page.Locator(".facts")).ToContainTextAsync((string)inHand["heldBy"]!);

        _bot.Release();
        var done = await Server.WaitForItemAsync(held, "successful");
        Assert.That((bool)done["output"]!["held"]!, Is.True);
    }

    [Test]
    public async Task A_bot_key_is_told_it_may_not_see_the_bots()
    {
        var key = await Server.CreateKeyAsync("robot", "bot");
        await SignInAsync(key, "/bots");
        await Expect(Page.GetByText("Your API key may not see the bots: that needs the admin, operator or process owner role.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await AssertAccessibleAsync("the bots page for a bot key");
    }
}
