using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Runtime;

/// <summary>
/// Resuming is safe against two resumers at once, in one process and across two nodes sharing a store: the step after
/// the wait is committed once, and the other caller is told it came too late.
/// </summary>
public class ConcurrentResumeTests
{
    /// <summary>A server whose first two requests are answered only once both have arrived (or after two seconds).</summary>
    private static TestHttpServer BarrierServer()
    {
        var arrived = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return TestHttpServer.Start(async (_, stopping) =>
        {
            if (Interlocked.Increment(ref arrived) >= 2) both.TrySetResult();
            await Task.WhenAny(both.Task, Task.Delay(TimeSpan.FromSeconds(2), stopping));
            return TestResponse.Json("{}");
        });
    }

    /// <summary>Waits (on a signal or a task), calls the server, then counts how often the step after the wait was committed.</summary>
    private static WorkflowDefinition WaitThenCount(string waitType, JsonObject waitInputs, string? url = null)
    {
        var flow = Flow.Create("wait-then-count")
            .Variable("counter", 0)
            .Start()
            .Activity("wait", waitType, waitInputs)
            .Set("count", "counter", Expr.Js("variables.counter + 1"));
        if (url is null) return flow.Chain("start", "wait", "count").Build();
        return flow.Activity("call", "HttpRequest", new JsonObject { ["url"] = url }).Chain("start", "wait", "call", "count").Build();
    }

    private static async Task AssertContinuedOnceAsync(EngineHarness engine, string instanceId)
    {
        var instance = (await engine.GetAsync(instanceId)).AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Variable("counter")!.GetValue<long>(), Is.EqualTo(1));
        var journal = await engine.JournalAsync(instanceId);
        Assert.That(journal.Count(JournalEventKind.BookmarkResumed), Is.EqualTo(1));
        Assert.That(journal.Count(JournalEventKind.ActivityCompleted, "count"), Is.EqualTo(1));
        Assert.That(journal.Count(JournalEventKind.InstanceFinished), Is.EqualTo(1));
        Assert.That(journal.Select(e => e.Sequence), Is.Unique.And.Ordered.Ascending);
    }

    [Test]
    public async Task Two_resumes_of_one_bookmark_at_once_in_one_process_continue_the_flow_once()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(WaitThenCount("WaitForSignal", new JsonObject { ["signal"] = "go" }));
        var bookmark = instance.Waits(BookmarkKinds.Signal).Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => engine.Runtime.ResumeBookmarkAsync(bookmark.Id, null))));

        Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
        Assert.That(results.Count(r => r is null), Is.EqualTo(1));
        await AssertContinuedOnceAsync(engine, instance.Id);
    }

    [Test]
    public async Task Two_nodes_resuming_one_bookmark_at_once_commit_the_continuation_once()
    {
        await using var server = BarrierServer();
        await using var engine = EngineHarness.Create();
        var otherNode = engine.AnotherNode();
        var instance = await engine.RunAsync(WaitThenCount("WaitForSignal", new JsonObject { ["signal"] = "go" }, server.Url("/step")));
        var bookmark = instance.Waits(BookmarkKinds.Signal).Single();

        var results = await Task.WhenAll(
            Task.Run(() => engine.Runtime.ResumeBookmarkAsync(bookmark.Id, null)),
            Task.Run(() => otherNode.Runtime.ResumeBookmarkAsync(bookmark.Id, null)));

        Assert.That(server.Requests, Has.Count.EqualTo(2), "both nodes ran the step before either committed");
        Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
        Assert.That(results.Count(r => r is null), Is.EqualTo(1));
        await AssertContinuedOnceAsync(engine, instance.Id);
    }

    [Test]
    public async Task Two_nodes_completing_one_task_at_once_continue_once_and_the_second_is_told_the_task_is_completed()
    {
        await using var server = BarrierServer();
        await using var engine = EngineHarness.Create();
        var otherNode = engine.AnotherNode();
        var instance = await engine.RunAsync(WaitThenCount("HumanTask", new JsonObject { ["title"] = "Check" }, server.Url("/step")));
        var task = await engine.SingleOpenTaskAsync(instance.Id);

        var attempts = new[]
        {
            Task.Run(() => engine.Runtime.CompleteTaskAsync(task.Id, "ann", null, new JsonObject { ["by"] = "ann" })),
            Task.Run(() => otherNode.Runtime.CompleteTaskAsync(task.Id, "bob", null, new JsonObject { ["by"] = "bob" })),
        };
        await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.That(server.Requests, Has.Count.EqualTo(2), "both nodes ran the step before either committed");
        var winner = attempts.Single(a => a.IsCompletedSuccessfully).Result;
        var loser = attempts.Single(a => !a.IsCompletedSuccessfully);
        Assert.That(loser.Exception!.InnerException, Is.TypeOf<TaskStateException>().With.Message.Contains("already completed"));
        await AssertContinuedOnceAsync(engine, instance.Id);
        var stored = (await engine.Tasks.GetAsync(task.Id))!;
        Assert.That(stored.Status, Is.EqualTo(HumanTaskStatus.Completed));
        Assert.That(stored.CompletedBy, Is.EqualTo(winner.CompletedBy));
        Assert.That((await engine.GetAsync(instance.Id)).OutputOf("wait")!["data"]!["by"]!.GetValue<string>(), Is.EqualTo(winner.CompletedBy));
    }

    [Test]
    public async Task Two_tasks_completed_at_once_in_one_process_each_continue_their_own_branch()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("two-tasks")
            .Variable("a", 0).Variable("b", 0)
            .Start()
            .Activity("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("A", "B") })
            .Activity("taskA", "HumanTask", new JsonObject { ["title"] = "A" })
            .Activity("taskB", "HumanTask", new JsonObject { ["title"] = "B" })
            .Set("setA", "a", Expr.Js("variables.a + 1"))
            .Set("setB", "b", Expr.Js("variables.b + 1"))
            .Connect("start", "fork")
            .Connect("fork", "taskA", "A").Connect("taskA", "setA")
            .Connect("fork", "taskB", "B").Connect("taskB", "setB")
            .Build();
        var instance = await engine.RunAsync(flow);
        var tasks = await engine.TasksAsync(instance.Id, HumanTaskStatus.Open);

        await Task.WhenAll(tasks.Select(t => Task.Run(() => engine.Runtime.CompleteTaskAsync(t.Id, "ann", null, null))));

        instance = (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That((instance.Variable("a")!.GetValue<long>(), instance.Variable("b")!.GetValue<long>()), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public async Task Bookmarks_of_one_instance_resumed_at_once_in_one_process_each_run_their_next_step_once()
    {
        // Each resume reads the instance before taking its lock; the others commit meanwhile, so all but the first must
        // see that the instance changed and read it again, instead of running the step on stale state and retrying it.
        const int branches = 6;
        await using var server = TestHttpServer.Start(_ => TestResponse.Json("{}"));
        await using var engine = EngineHarness.Create();
        var names = Enumerable.Range(1, branches).Select(i => $"b{i}").ToArray();
        var flow = Flow.Create("many-waits").Start()
            .Activity("fork", "Fork", new JsonObject { ["branches"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]) })
            .Connect("start", "fork");
        foreach (var name in names)
            flow = flow.Activity("wait-" + name, "WaitForSignal", new JsonObject { ["signal"] = "go-" + name })
                .Activity("call-" + name, "HttpRequest", new JsonObject { ["url"] = server.Url("/" + name) })
                .Connect("fork", "wait-" + name, name).Connect("wait-" + name, "call-" + name);
        var instance = await engine.RunAsync(flow.Build());
        var bookmarks = instance.Waits(BookmarkKinds.Signal);
        Assert.That(bookmarks, Has.Count.EqualTo(branches));

        var results = await Task.WhenAll(bookmarks.Select(b => Task.Run(() => engine.Runtime.ResumeBookmarkAsync(b.Id, null))));

        Assert.That(results, Has.All.Not.Null, "every bookmark was resumed");
        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That(server.Requests.Select(r => r.Path).Order(), Is.EqualTo(names.Select(n => "/" + n).Order()), "each branch called once");
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Count(JournalEventKind.BookmarkResumed), Is.EqualTo(branches));
        Assert.That(journal.Select(e => e.Sequence), Is.Unique.And.Ordered.Ascending);
    }
}
