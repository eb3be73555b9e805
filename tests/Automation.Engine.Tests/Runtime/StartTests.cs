using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Runtime;

public class StartTests
{
    private static WorkflowDefinition WaitThenLog(string text) => Flow.Create("draft-only")
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
    public async Task Starting_a_workflow_that_is_not_published_is_refused()
    {
        await using var engine = EngineHarness.Create();
        await engine.Definitions.SaveDraftAsync(WaitThenLog("draft"), "test");

        var draftOnly = Assert.ThrowsAsync<WorkflowNotFoundException>(() => engine.StartAsync("draft-only"));
        var missing = Assert.ThrowsAsync<WorkflowNotFoundException>(() => engine.StartAsync("nothing-here"));

        Assert.That(draftOnly!.Message, Does.Contain("has no published version"));
        Assert.That(missing!.Message, Does.Contain("does not exist"));
    }
}
