using System.Diagnostics;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Tests.Support;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;

namespace Automation.Bots.Browser.Tests.Sessions;

/// <summary>Sessions belong to one instance, close when it ends, and survive nothing: a crashed browser is relaunched.</summary>
public class SessionTests
{
    private static Flow ReadHeading(string id, LegacySite site) => Flow.Create(id)
        .Start()
        .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoices") })
        .Activity("read", "Browser.ReadText", new JsonObject { ["target"] = "h1" })
        .Chain("start", "open", "read");

    [Test]
    public async Task The_session_is_closed_when_the_instance_ends()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();

        var instance = await engine.RunAsync(ReadHeading("ends", site).Build());

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(engine.Sessions().Count, Is.Zero);
    }

    [Test]
    public async Task An_instance_cannot_drive_another_instances_session()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        await engine.PublishAsync(Flow.Create("holder")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoices") })
            .Activity("wait", "WaitForSignal", new JsonObject { ["signal"] = "go" })
            .Chain("start", "open", "wait")
            .Build());
        var holder = await engine.StartAsync("holder");
        holder.AssertStatus(WorkflowStatus.Suspended);
        var sessionId = holder.OutputOf("open")!["sessionId"]!.GetValue<string>();

        var intruder = await engine.RunAsync(Flow.Create("intruder")
            .Start()
            .Activity("read", "Browser.ReadText", new JsonObject { ["target"] = "h1", ["session"] = sessionId })
            .Chain("start", "read")
            .Build());

        intruder.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(intruder.FaultMessage, Does.Contain($"Browser session '{sessionId}' is not open on this server"));
        Assert.That(engine.Sessions().Count, Is.EqualTo(1), "the holder's session is still open");
    }

    [Test]
    public async Task Cancelling_an_instance_stops_its_waiting_step_and_closes_its_session_without_evidence_or_fault()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        await engine.PublishAsync(Flow.Create("stuck")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/late") })
            .Activity("wait", "Browser.WaitFor", new JsonObject { ["target"] = new JsonObject { ["text"] = "Never shown" }, ["timeout"] = "00:05:00" })
            .Chain("start", "open", "wait")
            .Build());
        var started = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "stuck", Wait = false });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        // A step in progress holds its session's page (the journal is saved only at the next commit).
        while (!engine.Sessions().All.Any(s => s.Gate.CurrentCount == 0 && s.Page.Url.EndsWith("/late")) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.That(engine.Sessions().All.Single().Gate.CurrentCount, Is.Zero, "the WaitFor step is waiting in its session");

        var cancelled = await engine.Runtime.CancelAsync(started.Id);

        cancelled.AssertStatus(WorkflowStatus.Cancelled);
        var journal = await engine.JournalAsync(started.Id);
        Assert.That(journal.Count(JournalEventKind.ActivityFaulted), Is.Zero);
        Assert.That(journal.Count(JournalEventKind.ActivityCompleted, "wait"), Is.Zero);
        Assert.That(engine.Sessions().Count, Is.Zero);
    }

    [Test]
    public async Task After_the_browser_process_is_killed_the_next_item_gets_a_new_browser_and_works()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        (await engine.RunAsync(ReadHeading("before-crash", site).Build())).AssertStatus(WorkflowStatus.Finished);
        var pool = SharedBrowser.Pool;
        var pid = pool.BrowserProcessId();
        Assert.That(pid, Is.Not.Null, "the test finds the Chromium it launched");
        var launches = pool.Launches;

        Process.GetProcessById(pid!.Value).Kill();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (pool.BrowserProcessId() is not null && DateTime.UtcNow < deadline) await Task.Delay(50);

        await engine.PublishAsync(ReadHeading("after-crash", site).Build());
        var after = await engine.StartAsync("after-crash");

        after.AssertStatus(WorkflowStatus.Finished);
        Assert.That(after.OutputOf("read")!["text"]!.GetValue<string>(), Is.EqualTo("Invoices"));
        Assert.That(pool.Launches, Is.EqualTo(launches + 1));
        Assert.That(pool.BrowserProcessId(), Is.Not.Null.And.Not.EqualTo(pid));
    }
}
