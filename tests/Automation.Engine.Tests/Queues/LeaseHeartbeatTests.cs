using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Automation.Engine.Tests.Queues;

/// <summary>
/// The lease heartbeat on the in-memory queue store with a fake clock: it renews a held item's lease, reports a lost
/// lease by cancelling its token, and renews nothing once disposed.
/// </summary>
public class LeaseHeartbeatTests
{
    private const string Queue = "heartbeat";
    private const string Bot = "bot-1";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private FakeTimeProvider _clock = null!;
    private InMemoryWorkQueueStore _store = null!;

    [SetUp]
    public async Task FreshQueue()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        _store = new InMemoryWorkQueueStore();
        await _store.SaveQueueAsync(new WorkQueue { Name = Queue, LeaseDuration = Lease }, _clock.GetUtcNow());
        await _store.AddItemsAsync(Queue, [new NewQueueItem { Reference = "INV-1" }], "test", _clock.GetUtcNow());
    }

    private async Task<QueueItem> TakeAsync() => (await _store.TakeNextAsync(Queue, Bot, _clock.GetUtcNow()))!;

    private async Task<QueueItem> ItemAsync(QueueItem item) => (await _store.GetItemAsync(item.Id))!;

    /// <summary>
    /// Moves the fake clock on a step at a time until <paramref name="done"/>: the heartbeat sleeps on the clock, and on a
    /// busy machine it may go back to sleep only after an advance, so one advance is not always enough.
    /// </summary>
    private async Task AdvanceUntilAsync(TimeSpan step, Func<Task<bool>> done, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !await done(); await Task.Delay(20))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Never happened: {what}");
            _clock.Advance(step);
        }
    }

    [Test]
    public async Task The_interval_is_a_third_of_the_lease_at_most_the_workers_own_and_never_under_200_ms()
    {
        var item = await TakeAsync();
        var now = _clock.GetUtcNow();

        Assert.Multiple(() =>
        {
            Assert.That(LeaseHeartbeat.IntervalFor(item, now), Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(LeaseHeartbeat.IntervalFor(item, now, TimeSpan.FromSeconds(4)), Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(LeaseHeartbeat.IntervalFor(item, now, TimeSpan.FromMinutes(1)), Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(LeaseHeartbeat.IntervalFor(item with { LeaseUntil = now.AddMilliseconds(300) }, now), Is.EqualTo(LeaseHeartbeat.MinInterval));
            Assert.That(LeaseHeartbeat.IntervalFor(item with { LeaseUntil = null }, now), Is.EqualTo(LeaseHeartbeat.MinInterval));
        });
    }

    [Test]
    public async Task While_it_runs_the_lease_is_renewed_and_the_holder_told_after_each_renewal()
    {
        var item = await TakeAsync();
        var beats = 0;
        await using var heartbeat = LeaseHeartbeat.Start(_store, item, Bot, _clock, NullLogger.Instance, afterBeat: () =>
        {
            Interlocked.Increment(ref beats);
            return Task.CompletedTask;
        });

        Assert.That(heartbeat.Interval, Is.EqualTo(TimeSpan.FromSeconds(10)));
        await AdvanceUntilAsync(heartbeat.Interval, async () => (await ItemAsync(item)).LeaseUntil > item.LeaseUntil, "the lease renewed");

        var renewed = await ItemAsync(item);
        Assert.That(renewed.Status, Is.EqualTo(QueueItemStatus.InProgress));
        Assert.That(renewed.HeldBy, Is.EqualTo(Bot));
        Assert.That(renewed.LeaseUntil, Is.LessThanOrEqualTo(_clock.GetUtcNow() + Lease), "renewed from the time of the renewal by the queue's lease");
        Assert.That(Volatile.Read(ref beats), Is.GreaterThanOrEqualTo(1));
        Assert.That(heartbeat.IsLost, Is.False);
    }

    [Test]
    public async Task When_the_lease_ran_out_and_the_item_was_returned_the_lost_token_is_cancelled_and_renewals_stop()
    {
        var item = await TakeAsync();
        await using var heartbeat = LeaseHeartbeat.Start(_store, item, Bot, _clock, NullLogger.Instance);
        var lost = new TaskCompletionSource();
        await using var registration = heartbeat.Lost.Register(() => lost.TrySetResult());

        // The holder stalled past its lease: the maintenance loop returns the item to the queue.
        var expired = await _store.ExpireLeasesAsync(_clock.GetUtcNow() + Lease + TimeSpan.FromSeconds(1));
        Assert.That(expired.Select(i => i.Id), Is.EqualTo(new[] { item.Id }));
        await AdvanceUntilAsync(heartbeat.Interval, () => Task.FromResult(lost.Task.IsCompleted), "the lost token cancelled");

        Assert.That(heartbeat.IsLost, Is.True);
        var returned = await ItemAsync(item);
        Assert.That((returned.Status, returned.FailureCode), Is.EqualTo((QueueItemStatus.New, "lease-expired")));
        Assert.That(returned.LeaseUntil, Is.Null, "a lost lease is not renewed");
        await heartbeat.StopAsync();
    }

    [Test]
    public async Task After_disposal_the_lease_is_never_renewed_again()
    {
        var item = await TakeAsync();
        var beats = 0;
        var heartbeat = LeaseHeartbeat.Start(_store, item, Bot, _clock, NullLogger.Instance, afterBeat: () =>
        {
            Interlocked.Increment(ref beats);
            return Task.CompletedTask;
        });
        await AdvanceUntilAsync(heartbeat.Interval, () => Task.FromResult(Volatile.Read(ref beats) > 0), "a first renewal");

        await heartbeat.DisposeAsync();
        var leaseAtDisposal = (await ItemAsync(item)).LeaseUntil;
        var beatsAtDisposal = Volatile.Read(ref beats);
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(heartbeat.Interval);
            await Task.Delay(20);
        }

        Assert.That((await ItemAsync(item)).LeaseUntil, Is.EqualTo(leaseAtDisposal));
        Assert.That(Volatile.Read(ref beats), Is.EqualTo(beatsAtDisposal));
        Assert.That(heartbeat.IsLost, Is.False, "stopping is not losing the lease");
    }
}
