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
    public async Task Cancelling_stops_a_call_in_flight_and_nothing_after_it_runs()
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = TestHttpServer.Start(async (_, stopping) =>
        {
            called.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(10), stopping);
            return TestResponse.Json("{}");
        });
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Flow.Create("slow-call")
            .Start()
            .Activity("call", "HttpRequest", new JsonObject { ["url"] = server.Url("/slow") })
            .Log("after", "after")
            .Chain("start", "call", "after")
            .Build());
        var instance = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "slow-call" });
        await called.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var cancelled = await engine.Runtime.CancelAsync(instance.Id).WaitAsync(TimeSpan.FromSeconds(3));

        cancelled.AssertStatus(WorkflowStatus.Cancelled);
        await Task.Delay(50);
        var stored = (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Cancelled);
        Assert.That(stored.State.Queue, Is.Empty);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Count(JournalEventKind.ActivityCompleted, "call"), Is.Zero);
        Assert.That(journal.Count(JournalEventKind.ActivityFaulted), Is.Zero);
        Assert.That(journal.LogMessages(), Is.Empty);
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
    public async Task A_faulted_instance_can_be_abandoned_by_cancelling_it_and_its_open_task_is_cancelled()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Flow.Create("fails").Start()
            .Activity("ask", "HumanTask", new JsonObject { ["title"] = "Check" })
            .Activity("stop", "Fail", new JsonObject { ["message"] = "stop" })
            .Connect("start", "ask").Connect("start", "stop").Build());
        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(await engine.TasksAsync(instance.Id, HumanTaskStatus.Open), Has.Count.EqualTo(1));

        var cancelled = await engine.Runtime.CancelAsync(instance.Id);

        cancelled.AssertStatus(WorkflowStatus.Cancelled);
        Assert.That(await engine.TasksAsync(instance.Id, HumanTaskStatus.Open), Is.Empty);
        Assert.ThrowsAsync<InstanceStateException>(() => engine.Runtime.CancelAsync(instance.Id), "a cancelled instance is over");
    }
}
