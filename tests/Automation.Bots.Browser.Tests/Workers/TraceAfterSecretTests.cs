using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Tests.Support;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Tests.Workers;

/// <summary>
/// A bot that signs in with a credential and then fails leaves a trace of what it did after signing in, and no entry of
/// that trace holds the password. The real bot host runs the bot in real Chromium against a local site; the evidence
/// is read back from the document store as an operator would download it.
/// </summary>
public class TraceAfterSecretTests
{
    private const string Password = "Tr4ce-S1gnin-7731";
    private const string Queue = "signed-in-work";
    private const string AmountTyped = "4321.09";

    /// <summary>Signs in to the site (typing the password as the item's data says), opens the invoice form, types an amount and clicks a button that is not there.</summary>
    private sealed class SignInThenFailBot : IQueueBot
    {
        public string Name => "sign-in-then-fail";

        public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
        {
            var page = context.Page;
            var site = context.Setting("url")!;
            var login = await context.Credentials.UnlockAsync("finance-bot", cancellationToken);
            var password = login.Secrets["password"];
            await page.GotoAsync(site + "/signin");
            await page.GetByLabel("User name").FillAsync(login.Field("username")!);
            var typing = context.Item.Data["typing"]!.GetValue<string>();
            if (typing is "untraced" or "again")
                await context.TypeSecretAsync(password, p => page.GetByLabel("Password").FillAsync(p));
            else
            {
                context.AddSecret(password);
                await page.GetByLabel("Password").FillAsync(password);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "New invoice" }).ClickAsync();
            await page.GetByLabel("Amount").FillAsync(AmountTyped);
            if (typing == "again") await page.GetByLabel("Approval PIN").FillAsync(password); // a slip: the secret typed in the trace's sight
            await page.Locator("#approve").ClickAsync(new() { Timeout = 500 }); // not on the form: a system exception
            return null;
        }
    }

    private static async Task<(QueueItem Item, IReadOnlyList<QueueItemEvidence> Evidence, EngineHarness Engine, LegacySite Site)> RunAsync(string typing)
    {
        var site = LegacySite.Start();
        var engine = BrowserEngine.Create();
        await engine.SaveCredentialAsync("finance-bot", "ap.robot", Password);
        var queues = new InMemoryWorkQueueStore();
        var evidence = new InMemoryQueueEvidenceStore();
        await queues.SaveQueueAsync(new WorkQueue { Name = Queue, MaxAttempts = 2 }, DateTimeOffset.UtcNow);
        var added = await queues.AddItemsAsync(Queue, [new NewQueueItem { Reference = "INV-1", Data = new JsonObject { ["typing"] = typing } }], "test",
            DateTimeOffset.UtcNow);
        var itemId = added.Added[0].Id;
        var host = new BotHost(
            Microsoft.Extensions.Options.Options.Create(new BotHostOptions
            {
                HeartbeatInterval = TimeSpan.FromMilliseconds(500),
                Pools = [new BotPoolOptions { Bot = "sign-in-then-fail", Queue = Queue, Settings = new JsonObject { ["url"] = site.BaseUrl } }],
            }),
            [new SignInThenFailBot()], queues, evidence, new InMemoryBotWorkerStore(queues), SharedBrowser.Pool,
            engine.Services.GetRequiredService<CredentialVault>(), engine.Runtime, engine.Instances, TimeProvider.System, NullLoggerFactory.Instance,
            engine.Documents());
        await host.StartAsync(CancellationToken.None);
        QueueItem? item = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
            if ((item = await queues.GetItemAsync(itemId)) is { Status: QueueItemStatus.Failed }) break;
        await host.StopAsync(CancellationToken.None);
        await host.DisposeAsync();
        Assert.That(item?.Status, Is.EqualTo(QueueItemStatus.Failed), "both attempts failed");
        return (item!, await evidence.ListAsync(itemId), engine, site);
    }

    private static async Task<List<(string Name, byte[] Bytes)>> EntriesAsync(EngineHarness engine, QueueItemEvidence trace)
    {
        var zip = await engine.Documents().ReadAsync(trace.DocumentId);
        using var archive = new ZipArchive(new MemoryStream(zip!));
        var entries = new List<(string, byte[])>();
        foreach (var entry in archive.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = entry.Open()) await stream.CopyToAsync(content);
            entries.Add((entry.FullName, content.ToArray()));
        }

        return entries;
    }

    private static bool Holds(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Test]
    public async Task A_bot_that_fails_after_signing_in_leaves_a_trace_of_what_came_after_and_no_entry_holds_the_password()
    {
        var (item, evidence, engine, site) = await RunAsync("untraced");
        await using var _ = engine;
        await using var __ = site;

        Assert.That(site.SignIns, Has.Count.EqualTo(2), "each attempt signed in");
        Assert.That(item.FailureReason, Does.Contain("#approve").And.Contain("trace document").And.Not.Contain(Password));
        // Attempt 1 records actions only; attempt 2 (a retry) starts with DOM snapshots and network, which the password drops.
        var traces = evidence.Where(e => e.Kind == QueueItemEvidenceKinds.Trace).OrderBy(e => e.Attempt).ToList();
        Assert.That(traces.Select(t => t.Attempt), Is.EqualTo(new[] { 1, 2 }));
        foreach (var trace in traces)
        {
            var entries = await EntriesAsync(engine, trace);
            Assert.That(entries.Where(e => Holds(e.Bytes, Password)).Select(e => e.Name), Is.Empty, $"attempt {trace.Attempt}: no entry holds the password");
            var actions = entries.Where(e => e.Name.EndsWith(".trace", StringComparison.Ordinal)).ToList();
            Assert.That(actions.Any(e => Holds(e.Bytes, AmountTyped)), Is.True, $"attempt {trace.Attempt}: the amount typed after sign-in is traced");
            Assert.That(actions.Any(e => Holds(e.Bytes, "#approve")), Is.True, $"attempt {trace.Attempt}: the failing click is traced");
            Assert.That(actions.Any(e => Holds(e.Bytes, "ap.robot")), Is.False, $"attempt {trace.Attempt}: what came before the password was dropped");
        }
    }

    [Test]
    public async Task A_password_typed_outside_TypeSecretAsync_keeps_the_screenshot_and_no_trace()
    {
        var (item, evidence, engine, site) = await RunAsync("direct");
        await using var _ = engine;
        await using var __ = site;

        Assert.That(evidence.Select(e => (e.Attempt, e.Kind)).Order(),
            Is.EqualTo(new[] { (1, QueueItemEvidenceKinds.Screenshot), (2, QueueItemEvidenceKinds.Screenshot) }));
        Assert.That(item.FailureReason, Does.Contain("no trace (the bot typed a secret outside TypeSecretAsync)").And.Not.Contain(Password));
    }

    [Test]
    public async Task A_trace_that_holds_the_password_after_all_is_not_kept()
    {
        var (item, evidence, engine, site) = await RunAsync("again");
        await using var _ = engine;
        await using var __ = site;

        Assert.That(evidence.Select(e => e.Kind), Is.EqualTo(new[] { QueueItemEvidenceKinds.Screenshot, QueueItemEvidenceKinds.Screenshot }));
        Assert.That(item.FailureReason, Does.Contain("no trace (it held a secret)").And.Not.Contain(Password));
    }
}
