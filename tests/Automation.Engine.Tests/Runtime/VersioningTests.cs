using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Runtime;

public class VersioningTests
{
    private static WorkflowDefinition Version(string message) => Flow.Create("versioned")
        .Start()
        .Activity("wait", "WaitForSignal", new JsonObject { ["signal"] = "go" })
        .Log("say", message)
        .Chain("start", "wait", "say")
        .Build();

    [Test]
    public async Task An_instance_keeps_running_the_version_it_started_on_after_a_new_one_is_published()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Version("version one"));
        var first = await engine.StartAsync("versioned");
        await engine.PublishAsync(Version("version two"));
        var second = await engine.StartAsync("versioned");

        await engine.Runtime.SignalAsync("go", null, null);

        Assert.That((first.DefinitionVersion, second.DefinitionVersion), Is.EqualTo((1, 2)));
        Assert.That((await engine.JournalAsync(first.Id)).LogMessages(), Is.EqualTo(new[] { "version one" }));
        Assert.That((await engine.JournalAsync(second.Id)).LogMessages(), Is.EqualTo(new[] { "version two" }));
    }

    [Test]
    public async Task A_draft_cannot_be_started_even_by_its_version_number()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Version("published"));
        await engine.Definitions.SaveDraftAsync(Version("draft"), "test");

        var error = Assert.ThrowsAsync<WorkflowNotFoundException>(() =>
            engine.Runtime.StartAsync(new StartRequest { DefinitionId = "versioned", Version = 2, Wait = true }));

        Assert.That(error!.Message, Does.Contain("draft"));
        var started = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "versioned", Version = 1, Wait = true });
        Assert.That(started.DefinitionVersion, Is.EqualTo(1));
    }

    [Test]
    public async Task A_workflow_deleted_and_created_again_runs_its_new_content_although_the_version_number_is_reused()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Version("old content"));
        var old = await engine.StartAsync("versioned");
        await engine.Runtime.CancelAsync(old.Id);
        await engine.Definitions.DeleteAsync("versioned");
        await Task.Delay(5); // publish times are kept to the millisecond
        await engine.PublishAsync(Version("new content"));

        var again = await engine.StartAsync("versioned");
        await engine.Runtime.SignalAsync("go", null, null);

        Assert.That(again.DefinitionVersion, Is.EqualTo(1));
        Assert.That((await engine.JournalAsync(again.Id)).LogMessages(), Is.EqualTo(new[] { "new content" }));
    }
}
