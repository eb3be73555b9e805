using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class ForkJoinTests
{
    [Test]
    public async Task Wait_all_continues_only_after_both_branches_are_done()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("fork-wait-all")
            .Variable("approver").Variable("deadline")
            .Start()
            .Activity("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("Approver", "Deadline") })
            .Activity("waitApprover", "WaitForSignal", new JsonObject { ["signal"] = "approver-chosen" })
            .Set("setApprover", "approver", Expr.Js("activities.waitApprover.output.name"))
            .Set("setDeadline", "deadline", 5)
            .Activity("join", "Join", new JsonObject { ["mode"] = "WaitAll" })
            .Log("after", Expr.Liquid("{{ variables.approver }} within {{ variables.deadline }} days"))
            .Connect("start", "fork")
            .Connect("fork", "waitApprover", "Approver")
            .Connect("waitApprover", "setApprover")
            .Connect("setApprover", "join")
            .Connect("fork", "setDeadline", "Deadline")
            .Connect("setDeadline", "join")
            .Connect("join", "after")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Suspended);
        Assert.That(instance.Variable("deadline")!.GetValue<int>(), Is.EqualTo(5), "the other branch went on while one waited");
        Assert.That((await engine.JournalAsync(instance.Id)).Count(JournalEventKind.ActivityCompleted, "join"), Is.Zero);

        await engine.Runtime.SignalAsync("approver-chosen", null, new JsonObject { ["name"] = "finance" });

        instance = (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Count(JournalEventKind.ActivityCompleted, "join"), Is.EqualTo(1));
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "finance within 5 days" }));
    }

    [TestCase(true, "yes")]
    [TestCase(false, "no")]
    public async Task Wait_all_after_a_decision_continues_with_the_one_branch_taken(bool approve, string taken)
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("decision-join")
            .Input("approve", ValueTypes.Boolean)
            .Start()
            .Activity("decide", "Decision", new JsonObject { ["condition"] = Expr.Js("input.approve") })
            .Log("yes", "yes").Log("no", "no")
            .Activity("join", "Join")
            .Log("after", "after")
            .Connect("start", "decide")
            .Connect("decide", "yes", "True")
            .Connect("decide", "no", "False")
            .Connect("yes", "join")
            .Connect("no", "join")
            .Connect("join", "after")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["approve"] = approve });

        instance.AssertStatus(WorkflowStatus.Finished);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { taken, "after" }));
        Assert.That(journal.Count(JournalEventKind.ActivityCompleted, "join"), Is.EqualTo(1));
    }

    [Test]
    public async Task Wait_any_continues_with_the_first_branch_and_cancels_the_other_branch_task()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("fork-wait-any")
            .Start()
            .Activity("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("Reply", "Chase") })
            .Activity("reply", "WaitForSignal", new JsonObject { ["signal"] = "reply" })
            .Activity("chase", "HumanTask", new JsonObject { ["title"] = "Chase the supplier", ["role"] = "clerk" })
            .Log("chased", "chased")
            .Activity("join", "Join", new JsonObject { ["mode"] = "WaitAny" })
            .Log("after", "after")
            .Connect("start", "fork")
            .Connect("fork", "reply", "Reply")
            .Connect("fork", "chase", "Chase")
            .Connect("reply", "join")
            .Connect("chase", "chased")
            .Connect("chased", "join")
            .Connect("join", "after")
            .Build();
        var instance = await engine.RunAsync(flow);
        instance.AssertStatus(WorkflowStatus.Suspended);
        var task = await engine.SingleOpenTaskAsync(instance.Id);

        await engine.Runtime.SignalAsync("reply", null, null);

        instance = (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.Tasks.GetAsync(task.Id))!.Status, Is.EqualTo(HumanTaskStatus.Cancelled));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "after" }));
        Assert.ThrowsAsync<Automation.Engine.Runtime.TaskStateException>(() => engine.Runtime.CompleteTaskAsync(task.Id, "ann", null, null));
    }

    [Test]
    public async Task Wait_any_fired_in_the_same_run_cancels_a_task_created_in_that_run()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("fork-wait-any-fast")
            .Start()
            .Activity("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("Fast", "Slow") })
            .Log("fast", "fast")
            .Activity("slow", "HumanTask", new JsonObject { ["title"] = "Slow path" })
            .Activity("join", "Join", new JsonObject { ["mode"] = "WaitAny" })
            .Log("after", "after")
            .Connect("start", "fork")
            .Connect("fork", "fast", "Fast")
            .Connect("fork", "slow", "Slow")
            .Connect("fast", "join")
            .Connect("slow", "join")
            .Connect("join", "after")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "fast", "after" }));
        var tasks = await engine.TasksAsync(instance.Id);
        Assert.That(tasks, Has.Count.EqualTo(1));
        Assert.That(tasks[0].Status, Is.EqualTo(HumanTaskStatus.Cancelled));
        Assert.That(instance.State.Bookmarks, Is.Empty);
    }
}
