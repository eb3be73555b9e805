using Automation.Engine.Model;
using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Instance_statistics_count_starts_finishes_faults_and_cancellations_per_period()
    {
        // Counts look at the whole store, so this test has a store of its own.
        await using var store = await OpenFreshAsync();
        var day1 = new TimePeriod(T0.Date.AddDays(0), T0.Date.AddDays(1));
        var day2 = new TimePeriod(day1.End, day1.End.AddDays(1));
        var empty = new TimePeriod(day2.End, day2.End.AddDays(1));

        async Task Add(DateTimeOffset created, WorkflowStatus status, DateTimeOffset? ended = null)
        {
            var instance = Instance(NewId("stat"), "stats", created, status);
            if (status is WorkflowStatus.Finished or WorkflowStatus.Cancelled) instance.FinishedAt = ended;
            if (ended is { } e) instance.UpdatedAt = e;
            await store.Instances.CommitAsync(Create(instance));
        }

        await Add(day1.Start, WorkflowStatus.Running);                                    // started day 1 (first millisecond)
        await Add(day1.Start.AddHours(3), WorkflowStatus.Finished, day2.Start.AddHours(1)); // started day 1, finished day 2
        await Add(day1.End.AddMilliseconds(-1), WorkflowStatus.Faulted, day1.End.AddMilliseconds(-1)); // started and faulted day 1 (last millisecond)
        await Add(day2.Start, WorkflowStatus.Cancelled, day2.Start.AddMinutes(5));           // started and cancelled day 2
        await Add(day2.Start.AddHours(2), WorkflowStatus.Suspended);                        // started day 2
        await Add(day1.Start.AddDays(-1), WorkflowStatus.Finished, day1.Start.AddHours(1));  // started before, finished day 1

        var counts = await store.Statistics.CountInstancesAsync([day1, day2, empty]);

        Assert.That(counts.Select(c => c.Period), Is.EqualTo(new[] { day1, day2, empty }));
        Assert.That(counts.Select(c => (c.Started, c.Finished, c.Faulted, c.Cancelled)), Is.EqualTo(new[]
        {
            (3L, 1L, 1L, 0L),
            (2L, 1L, 0L, 1L),
            (0L, 0L, 0L, 0L),
        }));
        Assert.That(await store.Statistics.CountInstancesAsync([]), Is.Empty);

        var current = await store.Statistics.CountCurrentInstancesAsync();
        Assert.That(current, Is.EqualTo(new CurrentInstanceCounts(Running: 1, Suspended: 1, Faulted: 1)));
    }

    [Test]
    public async Task Open_task_counts_leave_out_completed_and_cancelled_tasks()
    {
        await using var store = await OpenFreshAsync();
        Assert.That(await store.Statistics.CountOpenTasksAsync(), Is.EqualTo(new OpenTaskCounts(0, 0)));

        var id = NewId("inst");
        var open = HumanTaskFor(NewId("task"), id);
        var claimed = HumanTaskFor(NewId("task"), id);
        var completed = HumanTaskFor(NewId("task"), id);
        completed.Status = HumanTaskStatus.Completed;
        var cancelled = HumanTaskFor(NewId("task"), id);
        cancelled.Status = HumanTaskStatus.Cancelled;
        await store.Instances.CommitAsync(Create(Instance(id), tasks: [open, claimed, completed, cancelled]));
        await store.Tasks.TryClaimAsync(claimed.Id, "alice");

        Assert.That(await store.Statistics.CountOpenTasksAsync(), Is.EqualTo(new OpenTaskCounts(Open: 1, Claimed: 1)));
    }
}
