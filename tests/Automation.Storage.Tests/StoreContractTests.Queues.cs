using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    private async Task<WorkQueue> NewQueueAsync(Func<WorkQueue, WorkQueue>? configure = null)
    {
        var queue = new WorkQueue { Name = NewId("invoices"), Description = "Supplier invoices to key", MaxAttempts = 2, LeaseDuration = TimeSpan.FromMinutes(5) };
        return await Queues.SaveQueueAsync(configure is null ? queue : configure(queue), T0);
    }

    private static NewQueueItem Item(string? reference, QueueItemPriority priority = QueueItemPriority.Normal, DateTimeOffset? deadline = null,
        DateTimeOffset? postpone = null) =>
        new() { Reference = reference, Priority = priority, Deadline = deadline, PostponeUntil = postpone, Data = new JsonObject { ["invoice"] = reference } };

    private async Task<List<string?>> TakeAllAsync(string queue, DateTimeOffset now)
    {
        var taken = new List<string?>();
        while (await Queues.TakeNextAsync(queue, "bot-1", now) is { } item) taken.Add(item.Reference);
        return taken;
    }

    [Test]
    public async Task A_queue_is_saved_updated_and_listed()
    {
        var queue = await NewQueueAsync(q => q with
        {
            DuplicatePolicy = DuplicateReferencePolicy.Ignore, DefaultSla = TimeSpan.FromHours(4),
            DataSchema = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("supplier") },
        });
        Assert.That(queue.CreatedAt, Is.EqualTo(T0));

        var updated = await Queues.SaveQueueAsync(queue with { MaxAttempts = 5, Description = "changed" }, T0.AddHours(1));

        var read = await Queues.GetQueueAsync(queue.Name);
        Assert.That(read, Is.EqualTo(updated).Using<WorkQueue>((a, b) => a.Name == b.Name && a.MaxAttempts == b.MaxAttempts));
        Assert.That(read!.MaxAttempts, Is.EqualTo(5));
        Assert.That(read.Description, Is.EqualTo("changed"));
        Assert.That(read.CreatedAt, Is.EqualTo(T0), "an update keeps the creation time");
        Assert.That(read.UpdatedAt, Is.EqualTo(T0.AddHours(1)));
        Assert.That(read.DuplicatePolicy, Is.EqualTo(DuplicateReferencePolicy.Ignore));
        Assert.That(read.DefaultSla, Is.EqualTo(TimeSpan.FromHours(4)));
        Assert.That(read.DataSchema!["required"]![0]!.GetValue<string>(), Is.EqualTo("supplier"));
        Assert.That((await Queues.ListQueuesAsync()).Select(q => q.Name), Does.Contain(queue.Name));
    }

    [Test]
    public void A_queue_with_bad_settings_is_refused_naming_the_setting()
    {
        var bad = Assert.ThrowsAsync<InvalidQueueInputException>(() => Queues.SaveQueueAsync(new WorkQueue { Name = "bad name!" }, T0));
        Assert.That(bad!.ParamName, Is.EqualTo("name"));
        Assert.That(bad.Message, Does.Contain("'bad name!' is not valid"));
        bad = Assert.ThrowsAsync<InvalidQueueInputException>(() => Queues.SaveQueueAsync(new WorkQueue { Name = NewId("q"), MaxAttempts = 0 }, T0));
        Assert.That(bad!.ParamName, Is.EqualTo("maxAttempts"));
        bad = Assert.ThrowsAsync<InvalidQueueInputException>(() => Queues.SaveQueueAsync(
            new WorkQueue { Name = NewId("q"), DataSchema = new JsonObject { ["$ref"] = "#/definitions/missing" } }, T0));
        Assert.That(bad!.ParamName, Is.EqualTo("dataSchema"));
    }

    [Test]
    public async Task Items_are_taken_deadline_first_by_priority_then_by_priority_then_first_in_first_out()
    {
        var queue = await NewQueueAsync();
        await Queues.AddItemsAsync(queue.Name, [Item("low-1", QueueItemPriority.Low), Item("normal-1"), Item("high-1", QueueItemPriority.High)], "clerk", T0);
        await Queues.AddItemsAsync(queue.Name, [Item("normal-2")], "clerk", T0.AddSeconds(1));
        await Queues.AddItemsAsync(queue.Name,
        [
            Item("deadline-late-high", QueueItemPriority.High, T0.AddDays(3)),
            Item("deadline-soon-normal", QueueItemPriority.Normal, T0.AddDays(1)),
            Item("deadline-later-normal", QueueItemPriority.Normal, T0.AddDays(2)),
            Item("postponed-high", QueueItemPriority.High, postpone: T0.AddHours(1)),
        ], "clerk", T0.AddSeconds(2));

        var order = await TakeAllAsync(queue.Name, T0.AddMinutes(1));

        Assert.That(order, Is.EqualTo(new[]
        {
            "deadline-late-high", "deadline-soon-normal", "deadline-later-normal", "high-1", "normal-1", "normal-2", "low-1",
        }), "the postponed item waits");
        Assert.That(await TakeAllAsync(queue.Name, T0.AddHours(1)), Is.EqualTo(new[] { "postponed-high" }), "and is taken once its time comes");
    }

    [Test]
    public async Task A_taken_item_is_leased_to_its_bot_and_completed_with_its_output_and_history()
    {
        var queue = await NewQueueAsync();
        var added = (await Queues.AddItemsAsync(queue.Name, [Item("INV-1001")], "clerk", T0)).Added.Single();
        Assert.That(added.Status, Is.EqualTo(QueueItemStatus.New));

        var taken = await Queues.TakeNextAsync(queue.Name, "bot-a", T0.AddMinutes(1));
        Assert.That(taken!.Id, Is.EqualTo(added.Id));
        Assert.That(taken.Status, Is.EqualTo(QueueItemStatus.InProgress));
        Assert.That(taken.HeldBy, Is.EqualTo("bot-a"));
        Assert.That(taken.Attempts, Is.EqualTo(1));
        Assert.That(taken.LeaseUntil, Is.EqualTo(T0.AddMinutes(6)));
        Assert.That(await Queues.TakeNextAsync(queue.Name, "bot-b", T0.AddMinutes(1)), Is.Null, "nobody else gets it");

        Assert.That((await Queues.HeartbeatAsync(added.Id, "bot-b", T0.AddMinutes(2)))!.Changed, Is.False, "only the holder may heartbeat");
        var beat = await Queues.HeartbeatAsync(added.Id, "bot-a", T0.AddMinutes(4));
        Assert.That(beat!.Item.LeaseUntil, Is.EqualTo(T0.AddMinutes(9)));
        Assert.That((await Queues.CompleteAsync(added.Id, "bot-b", null, T0.AddMinutes(5)))!.Changed, Is.False, "only the holder may complete");

        var done = await Queues.CompleteAsync(added.Id, "bot-a", new JsonObject { ["documentNumber"] = "FIN-778" }, T0.AddMinutes(5));

        Assert.That(done!.Changed, Is.True);
        var read = await Queues.GetItemAsync(added.Id);
        Assert.That(read!.Status, Is.EqualTo(QueueItemStatus.Successful));
        Assert.That(read.Output!["documentNumber"]!.GetValue<string>(), Is.EqualTo("FIN-778"));
        Assert.That(read.CompletedAt, Is.EqualTo(T0.AddMinutes(5)));
        Assert.That(read.LeaseUntil, Is.Null);
        Assert.That(read.Data["invoice"]!.GetValue<string>(), Is.EqualTo("INV-1001"));
        var history = await Queues.GetHistoryAsync(added.Id);
        Assert.That(history.Select(e => (e.Action, e.Status, e.Actor)), Is.EqualTo(new[]
        {
            (QueueItemActions.Added, QueueItemStatus.New, (string?)"clerk"),
            (QueueItemActions.Taken, QueueItemStatus.InProgress, "bot-a"),
            (QueueItemActions.Completed, QueueItemStatus.Successful, "bot-a"),
        }));
        Assert.That(history.Select(e => e.Sequence), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(await Queues.GetItemAsync("no-such-item"), Is.Null);
        Assert.That(await Queues.CompleteAsync("no-such-item", "bot-a", null, T0), Is.Null);
    }

    [Test]
    public async Task A_business_exception_is_never_retried_and_a_system_exception_is_retried_up_to_the_maximum()
    {
        var queue = await NewQueueAsync(q => q with { MaxAttempts = 2 });
        await Queues.AddItemsAsync(queue.Name, [Item("bad-data"), Item("flaky")], "clerk", T0);

        var bad = await Queues.TakeNextAsync(queue.Name, "bot-a", T0);
        var failed = await Queues.FailAsync(bad!.Id, "bot-a", QueueFailureKind.Business, "Supplier 'ACME' does not exist", T0.AddMinutes(1));
        Assert.That(failed!.Item.Status, Is.EqualTo(QueueItemStatus.Failed));
        Assert.That(failed.Item.FailureKind, Is.EqualTo(QueueFailureKind.Business));
        Assert.That(failed.Item.FailureReason, Is.EqualTo("Supplier 'ACME' does not exist"));

        var flaky = await Queues.TakeNextAsync(queue.Name, "bot-a", T0);
        var first = await Queues.FailAsync(flaky!.Id, "bot-a", QueueFailureKind.System, "finance system timed out", T0.AddMinutes(1));
        Assert.That(first!.Item.Status, Is.EqualTo(QueueItemStatus.New), "retried: one attempt of two used");
        Assert.That(first.Item.Attempts, Is.EqualTo(1));
        var again = await Queues.TakeNextAsync(queue.Name, "bot-b", T0.AddMinutes(2));
        Assert.That(again!.Id, Is.EqualTo(flaky.Id));
        Assert.That(again.Attempts, Is.EqualTo(2));
        var last = await Queues.FailAsync(flaky.Id, "bot-b", QueueFailureKind.System, "finance system timed out", T0.AddMinutes(3));
        Assert.That(last!.Item.Status, Is.EqualTo(QueueItemStatus.Failed), "no attempts left");
        Assert.That(await Queues.TakeNextAsync(queue.Name, "bot-a", T0.AddMinutes(4)), Is.Null);

        var history = await Queues.GetHistoryAsync(flaky.Id);
        Assert.That(history.Select(e => e.Status), Is.EqualTo(new[]
        {
            QueueItemStatus.New, QueueItemStatus.InProgress, QueueItemStatus.Retried, QueueItemStatus.InProgress, QueueItemStatus.Failed,
        }));
        Assert.That(history[2].Message, Does.Contain("System exception: finance system timed out"));
    }

    [Test]
    public async Task A_released_item_goes_back_without_using_an_attempt()
    {
        var queue = await NewQueueAsync();
        await Queues.AddItemsAsync(queue.Name, [Item("r-1")], "clerk", T0);
        var taken = await Queues.TakeNextAsync(queue.Name, "bot-a", T0);

        var released = await Queues.ReleaseAsync(taken!.Id, "bot-a", T0.AddSeconds(5));

        Assert.That(released!.Item.Status, Is.EqualTo(QueueItemStatus.New));
        Assert.That(released.Item.Attempts, Is.EqualTo(0));
        Assert.That((await Queues.TakeNextAsync(queue.Name, "bot-b", T0.AddSeconds(6)))!.Id, Is.EqualTo(taken.Id));
    }

    [Test]
    public async Task An_expired_lease_returns_the_item_as_a_system_exception()
    {
        var queue = await NewQueueAsync(q => q with { MaxAttempts = 2, LeaseDuration = TimeSpan.FromMinutes(1) });
        await Queues.AddItemsAsync(queue.Name, [Item("crash-1")], "clerk", T0);
        var taken = await Queues.TakeNextAsync(queue.Name, "bot-dead", T0);
        await Queues.HeartbeatAsync(taken!.Id, "bot-dead", T0.AddSeconds(50));

        Assert.That(await Queues.ExpireLeasesAsync(T0.AddSeconds(100)), Has.None.Matches<QueueItem>(i => i.Id == taken.Id), "the heartbeat extended the lease");
        var expired = await Queues.ExpireLeasesAsync(T0.AddSeconds(111));

        Assert.That(expired.Select(i => i.Id), Does.Contain(taken.Id));
        var item = await Queues.GetItemAsync(taken.Id);
        Assert.That(item!.Status, Is.EqualTo(QueueItemStatus.New));
        Assert.That(item.FailureKind, Is.EqualTo(QueueFailureKind.System));
        Assert.That(item.FailureReason, Does.Contain("bot-dead"));
        Assert.That((await Queues.CompleteAsync(taken.Id, "bot-dead", null, T0.AddSeconds(112)))!.Changed, Is.False, "the dead bot lost the item");
        var retaken = await Queues.TakeNextAsync(queue.Name, "bot-alive", T0.AddSeconds(120));
        Assert.That(retaken!.Id, Is.EqualTo(taken.Id));
        Assert.That((await Queues.GetHistoryAsync(taken.Id)).Select(e => e.Action), Does.Contain(QueueItemActions.LeaseExpired));
    }

    [Test]
    public async Task An_item_in_progress_past_the_abandonment_window_is_abandoned()
    {
        var queue = await NewQueueAsync(q => q with { AbandonAfter = TimeSpan.FromHours(1), LeaseDuration = TimeSpan.FromMinutes(30) });
        await Queues.AddItemsAsync(queue.Name, [Item("slow-1")], "clerk", T0);
        var taken = await Queues.TakeNextAsync(queue.Name, "bot-a", T0);
        await Queues.HeartbeatAsync(taken!.Id, "bot-a", T0.AddMinutes(50));

        Assert.That(await Queues.AbandonStaleAsync(T0.AddMinutes(59)), Has.None.Matches<QueueItem>(i => i.Id == taken.Id));
        var abandoned = await Queues.AbandonStaleAsync(T0.AddMinutes(61));

        Assert.That(abandoned.Select(i => i.Id), Does.Contain(taken.Id), "heartbeats do not keep an item for ever");
        var item = await Queues.GetItemAsync(taken.Id);
        Assert.That(item!.Status, Is.EqualTo(QueueItemStatus.Abandoned));
        Assert.That(item.CompletedAt, Is.EqualTo(T0.AddMinutes(61)));
        Assert.That(await Queues.TakeNextAsync(queue.Name, "bot-b", T0.AddMinutes(62)), Is.Null);
    }

    [Test]
    public async Task A_duplicate_reference_is_rejected_whole_batch_under_the_reject_policy()
    {
        var queue = await NewQueueAsync();
        await Queues.AddItemsAsync(queue.Name, [Item("INV-1")], "clerk", T0);

        var error = Assert.ThrowsAsync<DuplicateQueueItemException>(() => Queues.AddItemsAsync(queue.Name, [Item("INV-2"), Item("INV-1")], "clerk", T0));
        Assert.That(error!.References, Is.EqualTo(new[] { "INV-1" }));
        Assert.That(error.Message, Does.Contain("INV-1"));
        Assert.That((await Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), null, 50)).Items.Select(i => i.Reference), Is.EqualTo(new[] { "INV-1" }),
            "nothing of the refused batch was added");
        var within = Assert.ThrowsAsync<DuplicateQueueItemException>(() => Queues.AddItemsAsync(queue.Name, [Item("INV-3"), Item("INV-3")], "clerk", T0));
        Assert.That(within!.References, Is.EqualTo(new[] { "INV-3" }));
    }

    [Test]
    public async Task A_duplicate_reference_is_skipped_under_the_ignore_policy_and_a_deleted_items_reference_is_free_again()
    {
        var queue = await NewQueueAsync(q => q with { DuplicatePolicy = DuplicateReferencePolicy.Ignore });
        var first = (await Queues.AddItemsAsync(queue.Name, [Item("EMP-1")], "hr", T0)).Added.Single();

        var result = await Queues.AddItemsAsync(queue.Name, [Item("EMP-1"), Item("EMP-2"), Item("EMP-2"), Item(null)], "hr", T0.AddSeconds(1));

        Assert.That(result.Added.Select(i => i.Reference), Is.EqualTo(new string?[] { "EMP-2", null }));
        Assert.That(result.IgnoredReferences, Is.EqualTo(new[] { "EMP-1", "EMP-2" }));

        Assert.That((await Queues.DeleteAsync(first.Id, "operator", T0.AddSeconds(2)))!.Changed, Is.True);
        var again = await Queues.AddItemsAsync(queue.Name, [Item("EMP-1")], "hr", T0.AddSeconds(3));
        Assert.That(again.Added, Has.Count.EqualTo(1), "a deleted item no longer holds its reference");
    }

    [Test]
    public async Task Item_data_that_breaks_the_queue_schema_is_rejected_with_the_schema_errors()
    {
        var queue = await NewQueueAsync(q => q with
        {
            DataSchema = JsonNode.Parse("""
                {"type":"object","required":["supplier","amount"],"properties":{"supplier":{"type":"string"},"amount":{"type":"number"}}}
                """)!.AsObject(),
        });
        var good = new NewQueueItem { Reference = "ok", Data = new JsonObject { ["supplier"] = "ACME", ["amount"] = 120.5 } };
        var bad = new NewQueueItem { Reference = "bad", Data = new JsonObject { ["supplier"] = 42 } };

        var error = Assert.ThrowsAsync<QueueItemDataInvalidException>(() => Queues.AddItemsAsync(queue.Name, [good, bad], "clerk", T0));

        Assert.That(error!.Errors.Select(e => e.Index), Is.All.EqualTo(1), "only the second item is wrong");
        Assert.That(error.Errors.Select(e => e.Error.Field), Is.EquivalentTo(new[] { "amount", "supplier" }));
        Assert.That(error.Message, Does.Contain("amount: is required but missing").And.Contain("supplier: must be a string"));
        Assert.That((await Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), null, 10)).Items, Is.Empty);
        Assert.That((await Queues.AddItemsAsync(queue.Name, [good], "clerk", T0)).Added, Has.Count.EqualTo(1));
        Assert.ThrowsAsync<WorkQueueNotFoundException>(() => Queues.AddItemsAsync(NewId("missing"), [good], "clerk", T0));
    }

    [Test]
    public async Task An_operator_retries_abandons_and_deletes_items_in_the_states_that_allow_it()
    {
        var queue = await NewQueueAsync(q => q with { MaxAttempts = 1 });
        var items = (await Queues.AddItemsAsync(queue.Name, [Item("a")], "clerk", T0)).Added
            .Concat((await Queues.AddItemsAsync(queue.Name, [Item("b")], "clerk", T0.AddSeconds(1))).Added).ToList();
        var a = await Queues.TakeNextAsync(queue.Name, "bot", T0);
        await Queues.FailAsync(a!.Id, "bot", QueueFailureKind.System, "crashed", T0);
        Assert.That((await Queues.GetItemAsync(a.Id))!.Status, Is.EqualTo(QueueItemStatus.Failed));

        var retried = await Queues.RetryAsync(a.Id, "operator", T0.AddMinutes(1));
        Assert.That(retried!.Changed, Is.True);
        Assert.That(retried.Item.Status, Is.EqualTo(QueueItemStatus.New));
        Assert.That(retried.Item.Attempts, Is.EqualTo(0), "a fresh set of attempts");
        Assert.That((await Queues.RetryAsync(a.Id, "operator", T0.AddMinutes(1)))!.Changed, Is.False, "a New item cannot be retried");

        var b = items.Single(i => i.Reference == "b");
        Assert.That((await Queues.AbandonAsync(b.Id, "operator", T0.AddMinutes(2)))!.Item.Status, Is.EqualTo(QueueItemStatus.Abandoned));
        Assert.That((await Queues.DeleteAsync(b.Id, "operator", T0.AddMinutes(3)))!.Item.Status, Is.EqualTo(QueueItemStatus.Deleted));
        var taken = await Queues.TakeNextAsync(queue.Name, "bot", T0.AddMinutes(4));
        Assert.That(taken!.Id, Is.EqualTo(a.Id));
        Assert.That((await Queues.DeleteAsync(a.Id, "operator", T0.AddMinutes(5)))!.Changed, Is.False, "an item in progress cannot be deleted");
        Assert.That((await Queues.GetHistoryAsync(a.Id)).Select(e => e.Action), Does.Contain(QueueItemActions.Retried));
    }

    [Test]
    public async Task Items_are_listed_newest_first_with_filters_and_keyset_pages()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++) await Queues.AddItemsAsync(queue.Name, [Item($"p-{i}")], "clerk", T0.AddSeconds(i));
        var taken = await Queues.TakeNextAsync(queue.Name, "bot", T0.AddMinutes(1));

        var first = await Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), null, 2);
        var second = await Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), first.NextCursor, 2);
        var third = await Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), second.NextCursor, 2);

        Assert.That(first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Reference), Is.EqualTo(new[] { "p-4", "p-3", "p-2", "p-1", "p-0" }));
        Assert.That(third.NextCursor, Is.Null);
        var inProgress = await Queues.ListItemsAsync(queue.Name, new QueueItemQuery { Status = QueueItemStatus.InProgress }, null, 10);
        Assert.That(inProgress.Items.Select(i => i.Id), Is.EqualTo(new[] { taken!.Id }));
        var byReference = await Queues.ListItemsAsync(queue.Name, new QueueItemQuery { Reference = "p-3" }, null, 10);
        Assert.That(byReference.Items.Single().Reference, Is.EqualTo("p-3"));
        Assert.ThrowsAsync<ArgumentException>(() => Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), "not-a-cursor", 10));
    }

    [Test]
    public async Task Statistics_count_statuses_throughput_handling_time_and_sla_breaches()
    {
        var queue = await NewQueueAsync(q => q with { DefaultSla = TimeSpan.FromHours(1) });
        await Queues.AddItemsAsync(queue.Name, [Item("s-1"), Item("s-2"), Item("s-3"), Item("s-4", deadline: T0.AddDays(1))], "clerk", T0);
        var one = await Queues.TakeNextAsync(queue.Name, "bot", T0);          // s-1 to s-3 are due within the hour (the SLA): taken before s-4
        await Queues.CompleteAsync(one!.Id, "bot", null, T0.AddMinutes(2));  // 2 minutes, on time
        var two = await Queues.TakeNextAsync(queue.Name, "bot", T0.AddMinutes(10));
        await Queues.CompleteAsync(two!.Id, "bot", null, T0.AddMinutes(14)); // 4 minutes, on time
        var three = await Queues.TakeNextAsync(queue.Name, "bot", T0.AddMinutes(70));
        await Queues.FailAsync(three!.Id, "bot", QueueFailureKind.Business, "bad", T0.AddMinutes(71)); // after its 1-hour SLA

        var stats = await Queues.GetStatisticsAsync(queue.Name, T0.AddMinutes(120), TimeSpan.FromHours(2));

        Assert.That(stats.Counts[QueueItemStatus.Successful], Is.EqualTo(2));
        Assert.That(stats.Counts[QueueItemStatus.Failed], Is.EqualTo(1));
        Assert.That(stats.Counts[QueueItemStatus.New], Is.EqualTo(1));
        Assert.That(stats.Counts[QueueItemStatus.Abandoned], Is.EqualTo(0));
        Assert.That(stats.Finished, Is.EqualTo(3));
        Assert.That(stats.ThroughputPerHour, Is.EqualTo(1.5));
        Assert.That(stats.AverageHandlingTime, Is.EqualTo(TimeSpan.FromMinutes(3)));
        Assert.That(stats.SlaBreaches, Is.EqualTo(1), "the item that failed after its SLA");
        var later = await Queues.GetStatisticsAsync(queue.Name, T0.AddDays(2), TimeSpan.FromHours(2));
        Assert.That(later.SlaBreaches, Is.EqualTo(2), "and s-4, still waiting past its deadline");
        Assert.That(later.Finished, Is.Zero, "nothing finished in the two hours before");
        Assert.That(later.AverageHandlingTime, Is.Null);
    }
}
