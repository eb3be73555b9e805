using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Runtime;

public class CancelTests
{
    private static WorkflowDefinition TaskAndSignal() => Flow.Create("cancellable")
        .Start()
        .Activity("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("Person", "System") })
        .Activity("review", "HumanTask", new JsonObject { ["title"] = "Review" })
        .Activity("reply", "WaitForSignal", new JsonObject { ["signal"] = "reply" })
        .Log("after", "after")
        .Connect("start", "fork")
        .Connect("fork", "review", "Person").Connect("review", "after")
        .Connect("fork", "reply", "System")
        .Build();

    [Test]
    public async Task Cancelling_ends_the_instance_cancels_its_open_tasks_and_drops_its_waits()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(TaskAndSignal());
        var task = await engine.SingleOpenTaskAsync(instance.Id);

        var cancelled = await engine.Runtime.CancelAsync(instance.Id);

        cancelled.AssertStatus(WorkflowStatus.Cancelled);
        var stored = (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Cancelled);
        Assert.That(stored.FinishedAt, Is.Not.Null);
        Assert.That(stored.State.Bookmarks, Is.Empty);
        Assert.That((await engine.Tasks.GetAsync(task.Id))!.Status, Is.EqualTo(HumanTaskStatus.Cancelled));
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Last().Kind, Is.EqualTo(JournalEventKind.InstanceCancelled));
        Assert.That(journal.Last().Message, Is.EqualTo("Cancelled on request."));

        Assert.That(await engine.Runtime.SignalAsync("reply", null, null), Is.Empty);
        Assert.ThrowsAsync<TaskStateException>(() => engine.Runtime.CompleteTaskAsync(task.Id, "ann", null, null));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.Empty);
    }

    [Test]
    public async Task An_ended_instance_cannot_be_cancelled()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Flow.Create("ends").Start().End().Chain("start", "end").Build());

        var error = Assert.ThrowsAsync<InstanceStateException>(() => engine.Runtime.CancelAsync(instance.Id));

        Assert.That(error!.Message, Does.Contain("has already ended (finished)"));
        Assert.ThrowsAsync<InstanceNotFoundException>(() => engine.Runtime.CancelAsync("no-such-instance"));
    }

    [Test]
    public async Task A_faulted_instance_cannot_be_cancelled()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Flow.Create("fails").Start()
            .Activity("stop", "Fail", new JsonObject { ["message"] = "stop" }).Chain("start", "stop").Build());

        Assert.ThrowsAsync<InstanceStateException>(() => engine.Runtime.CancelAsync(instance.Id));
    }
}
