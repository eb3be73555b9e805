using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Automation.Engine.Tests.Activities;

public class DelayTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static WorkflowDefinition WaitAnHour() => Flow.Create("delay")
        .Start()
        .Activity("pause", "Delay", new JsonObject { ["duration"] = "01:00:00" })
        .Log("after", "after the pause")
        .Chain("start", "pause", "after")
        .Build();

    [Test]
    public async Task Waits_on_a_durable_timer_with_its_due_time()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var engine = EngineHarness.Create(clock);

        var instance = await engine.RunAsync(WaitAnHour());

        instance.AssertStatus(WorkflowStatus.Suspended);
        var timer = instance.Waits(BookmarkKinds.Timer).Single();
        Assert.That(timer.DueAt, Is.EqualTo(Monday.AddHours(1)));
        Assert.That(timer.ActivityId, Is.EqualTo("pause"));
        Assert.That(await engine.Instances.GetNextDueAsync(Monday), Is.EqualTo(Monday.AddHours(1)), "the timer is stored, so it survives a restart");
    }

    [Test]
    public async Task Resuming_the_timer_bookmark_continues_the_flow_once()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var engine = EngineHarness.Create(clock);
        var instance = await engine.RunAsync(WaitAnHour());
        var timer = instance.Waits(BookmarkKinds.Timer).Single();

        var resumed = await engine.Runtime.ResumeBookmarkAsync(timer.Id, null);

        resumed!.AssertStatus(WorkflowStatus.Finished);
        Assert.That(await engine.Runtime.ResumeBookmarkAsync(timer.Id, null), Is.Null);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "after the pause" }));
    }

    [Test]
    public async Task The_timer_loop_resumes_the_instance_when_the_time_comes()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var engine = EngineHarness.Create(clock);
        var instance = await engine.RunAsync(WaitAnHour());
        await engine.StartHostedServicesAsync();

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(100);
        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Suspended);

        clock.Advance(TimeSpan.FromMinutes(1));
        // The loop sleeps on the fake clock: if it went back to sleep only after the advance (a busy machine), it wakes
        // at the next poll, so move time on by a second at a time until the instance has gone on.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await engine.GetAsync(instance.Id)).Status != WorkflowStatus.Finished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "after the pause" }));
    }

    [Test]
    public async Task A_time_already_past_continues_at_once_without_a_timer()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var engine = EngineHarness.Create(clock);
        var flow = Flow.Create("delay-past")
            .Start()
            .Activity("pause", "Delay", new JsonObject { ["until"] = "2025-03-01T00:00:00Z" })
            .Log("after", "after")
            .Chain("start", "pause", "after")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).Count(JournalEventKind.BookmarkCreated), Is.Zero);
    }
}
