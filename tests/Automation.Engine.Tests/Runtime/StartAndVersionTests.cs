using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Runtime;

public class StartAndVersionTests
{
    private static WorkflowDefinition WaitThenLog(string text) => Flow.Create("versioned")
        .Start()
        .Activity("wait", "WaitForSignal", new JsonObject { ["signal"] = "go" })
        .Log("log", text)
        .Chain("start", "wait", "log")
        .Build();

    [Test]
    public async Task A_start_without_wait_is_saved_at_once_and_runs_in_the_background()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Flow.Create("background").Start().Log("log", "ran").Chain("start", "log").Build());

        var started = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "background" });

        Assert.That(await engine.Instances.GetAsync(started.Id), Is.Not.Null, "saved before the call returns");
        await engine.WaitForAsync(started.Id, i => i.Status == WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(started.Id)).LogMessages(), Is.EqualTo(new[] { "ran" }));
    }

    [Test]
    public async Task An_instance_keeps_running_the_version_it_started_on()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(WaitThenLog("version 1"));
        var onFirst = await engine.StartAsync("versioned");

        await engine.PublishAsync(WaitThenLog("version 2"));
        var onSecond = await engine.StartAsync("versioned");
        await engine.Runtime.SignalAsync("go", null, null);

        Assert.That((onFirst.DefinitionVersion, onSecond.DefinitionVersion), Is.EqualTo((1, 2)));
        Assert.That((await engine.JournalAsync(onFirst.Id)).LogMessages(), Is.EqualTo(new[] { "version 1" }));
        Assert.That((await engine.JournalAsync(onSecond.Id)).LogMessages(), Is.EqualTo(new[] { "version 2" }));
    }

    [Test]
    public async Task Starting_a_workflow_that_is_not_published_is_refused()
    {
        await using var engine = EngineHarness.Create();
        await engine.Definitions.SaveDraftAsync(WaitThenLog("draft"), "test");

        var draftOnly = Assert.ThrowsAsync<WorkflowNotFoundException>(() => engine.StartAsync("versioned"));
        var missing = Assert.ThrowsAsync<WorkflowNotFoundException>(() => engine.StartAsync("nothing-here"));

        Assert.That(draftOnly!.Message, Does.Contain("has no published version"));
        Assert.That(missing!.Message, Does.Contain("does not exist"));
    }
}
