using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Automation.Engine.Tests.Runtime;

public class RetryPolicyTests
{
    private static readonly RetryPolicy ThreeQuickAttempts = new() { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 };

    /// <summary>A server that fails the first <paramref name="failures"/> requests with 500, then answers 200.</summary>
    private static TestHttpServer FailingFirst(int failures) =>
        TestHttpServer.Start(r => r.Number <= failures ? new TestResponse(500, "down", "text/plain") : TestResponse.Json("""{ "ok": true }"""));

    private static WorkflowDefinition CallThenLog(string url, RetryPolicy? retry = null) => Flow.Create("retry")
        .Start()
        .Activity("call", "HttpRequest", new JsonObject { ["url"] = url }, retry ?? ThreeQuickAttempts)
        .Log("after", "after")
        .Chain("start", "call", "after")
        .Build();

    [Test]
    public async Task A_step_that_fails_twice_then_succeeds_finishes_with_two_retries_in_the_journal()
    {
        await using var server = FailingFirst(2);
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(CallThenLog(server.Url("/flaky")));

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(server.Requests, Has.Count.EqualTo(3));
        Assert.That(instance.State.Incidents, Is.Empty);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Count(JournalEventKind.ActivityFaulted, "call"), Is.EqualTo(2));
        var retries = journal.Where(e => e.Kind == JournalEventKind.ActivityRetried && e.ActivityId == "call").ToList();
        Assert.That(retries.Select(e => e.Data!["attempt"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(retries.Select(e => e.Message), Is.EqualTo(new[] { "Attempt 2 of 3 in 10 ms.", "Attempt 3 of 3 in 20 ms." }));
        Assert.That(journal.Count(JournalEventKind.ActivityCompleted, "call"), Is.EqualTo(1));
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task A_step_that_keeps_failing_faults_the_instance_with_an_incident()
    {
        await using var server = FailingFirst(int.MaxValue);
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(CallThenLog(server.Url("/down")));

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(server.Requests, Has.Count.EqualTo(3));
        var incident = instance.State.Incidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo("call"));
        Assert.That(incident.ActivityType, Is.EqualTo("HttpRequest"));
        Assert.That(incident.Message, Does.Contain("answered 500"));
        Assert.That(incident.Attempts, Is.EqualTo(3));
        Assert.That(incident.Resolved, Is.False);
        Assert.That(instance.FaultMessage, Does.StartWith("Activity 'call' failed after 3 attempt(s)"));
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Count(JournalEventKind.ActivityRetried), Is.EqualTo(2));
        Assert.That(journal.Count(JournalEventKind.InstanceFaulted), Is.EqualTo(1));
        Assert.That(journal.LogMessages(), Is.Empty);
        var listed = await engine.Instances.ListAsync(new Automation.Engine.Persistence.InstanceQuery { Status = WorkflowStatus.Faulted });
        Assert.That(listed.Items.Select(i => i.Id), Is.EqualTo(new[] { instance.Id }));
    }

    [Test]
    public async Task Retrying_a_faulted_instance_after_the_cause_is_fixed_finishes_it()
    {
        var healthy = false;
        await using var server = TestHttpServer.Start(_ => Volatile.Read(ref healthy) ? TestResponse.Json("{}") : new TestResponse(503, "maintenance", "text/plain"));
        await using var engine = EngineHarness.Create();
        var faulted = (await engine.RunAsync(CallThenLog(server.Url("/service")))).AssertStatus(WorkflowStatus.Faulted);

        Volatile.Write(ref healthy, true);
        var retried = await engine.Runtime.RetryAsync(faulted.Id);

        retried.AssertStatus(WorkflowStatus.Finished);
        Assert.That(retried.FaultMessage, Is.Null);
        Assert.That(retried.State.Incidents.Single().Resolved, Is.True);
        var journal = await engine.JournalAsync(faulted.Id);
        Assert.That(journal.Count(JournalEventKind.InstanceRetried), Is.EqualTo(1));
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "after" }));
        Assert.That(server.Requests, Has.Count.EqualTo(4), "three failed attempts, then one after the retry");
    }

    [Test]
    public async Task Only_a_faulted_instance_can_be_retried()
    {
        await using var engine = EngineHarness.Create();
        var suspended = await engine.RunAsync(Flow.Create("waits").Start()
            .Activity("wait", "WaitForSignal", new JsonObject { ["signal"] = "go" }).Chain("start", "wait").Build());
        var finished = await engine.RunAsync(Flow.Create("ends").Start().End().Chain("start", "end").Build());

        var notFaulted = Assert.ThrowsAsync<InstanceStateException>(() => engine.Runtime.RetryAsync(suspended.Id));
        Assert.That(notFaulted!.Message, Does.Contain("is suspended, not faulted"));
        Assert.ThrowsAsync<InstanceStateException>(() => engine.Runtime.RetryAsync(finished.Id));
        Assert.ThrowsAsync<InstanceNotFoundException>(() => engine.Runtime.RetryAsync("no-such-instance"));
        (await engine.GetAsync(suspended.Id)).AssertStatus(WorkflowStatus.Suspended);
    }

    [Test]
    public async Task A_long_backoff_is_a_durable_timer_that_runs_the_next_attempt_when_resumed()
    {
        var start = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var server = FailingFirst(1);
        await using var engine = EngineHarness.Create(clock);
        var flow = CallThenLog(server.Url("/slow-to-recover"), new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMinutes(5), Jitter = 0 });

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Suspended);
        var backoff = instance.Waits(BookmarkKinds.Retry).Single();
        Assert.That(backoff.DueAt, Is.EqualTo(start.AddMinutes(5)));

        var resumed = await engine.Runtime.ResumeBookmarkAsync(backoff.Id, null);

        resumed!.AssertStatus(WorkflowStatus.Finished);
        Assert.That(server.Requests, Has.Count.EqualTo(2));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "after" }));
    }
}
