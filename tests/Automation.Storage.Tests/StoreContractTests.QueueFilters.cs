using Automation.Engine.Bots;
using Automation.Engine.Queues;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    /// <summary>
    /// A queue an operator is clearing: items added a minute apart (INV-1, INV-2, INV-3, CR-1, INV-4, INV-5, INV-6), then
    /// INV-1 and CR-1 failed as unknown suppliers, INV-2 as a purchase-order mismatch, INV-3 done, INV-4 a system exception
    /// (back to New, keeping its failure), INV-5 and INV-6 untouched.
    /// </summary>
    private async Task<WorkQueue> FilterFixtureAsync()
    {
        var queue = await NewQueueAsync(q => q with { MaxAttempts = 2 });
        string[] references = ["INV-1", "INV-2", "INV-3", "CR-1", "INV-4", "INV-5", "INV-6"];
        for (var i = 0; i < references.Length; i++) await Queues.AddItemsAsync(queue.Name, [Item(references[i])], "clerk", T0.AddMinutes(i));

        async Task<QueueItem> TakeAsync(string expected, DateTimeOffset at)
        {
            var item = (await Queues.TakeNextAsync(queue.Name, "entry@n1#1", at))!;
            Assert.That(item.Reference, Is.EqualTo(expected));
            return item;
        }

        var t = T0.AddMinutes(10);
        await Queues.FailAsync((await TakeAsync("INV-1", t)).Id, "entry@n1#1", QueueFailureKind.Business, "Supplier S9 does not exist", "unknown-supplier", t);
        await Queues.FailAsync((await TakeAsync("INV-2", t.AddMinutes(1))).Id, "entry@n1#1", QueueFailureKind.Business, "PO 7 does not match", "po-mismatch",
            t.AddMinutes(1));
        await Queues.CompleteAsync((await TakeAsync("INV-3", t.AddMinutes(2))).Id, "entry@n1#1", null, t.AddMinutes(2));
        await Queues.FailAsync((await TakeAsync("CR-1", t.AddMinutes(3))).Id, "entry@n1#1", QueueFailureKind.Business, "Supplier S8 does not exist",
            "unknown-supplier", t.AddMinutes(3));
        await Queues.FailAsync((await TakeAsync("INV-4", t.AddMinutes(4))).Id, "entry@n1#1", QueueFailureKind.System, "Timeout 30000ms exceeded",
            "TimeoutException", t.AddMinutes(4));

        // Another queue's failure with the same code is never listed with this queue's.
        var other = await NewQueueAsync();
        await Queues.AddItemsAsync(other.Name, [Item("INV-9")], "clerk", T0);
        var foreign = (await Queues.TakeNextAsync(other.Name, "entry@n1#1", t))!;
        await Queues.FailAsync(foreign.Id, "entry@n1#1", QueueFailureKind.Business, "Supplier S9 does not exist", "unknown-supplier", t);

        return queue;
    }

    private async Task<string?[]> ReferencesAsync(string queue, QueueItemQuery query) =>
        (await Queues.ListItemsAsync(queue, query, null, 50)).Items.Select(i => i.Reference).ToArray();

    [Test]
    public async Task Items_are_filtered_by_failure_kind_and_code_newest_first()
    {
        var queue = await FilterFixtureAsync();

        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { FailureKind = QueueFailureKind.Business }),
            Is.EqualTo(new[] { "CR-1", "INV-2", "INV-1" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { FailureKind = QueueFailureKind.System }), Is.EqualTo(new[] { "INV-4" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { FailureCode = "unknown-supplier" }), Is.EqualTo(new[] { "CR-1", "INV-1" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { FailureKind = QueueFailureKind.Business, FailureCode = "po-mismatch" }),
            Is.EqualTo(new[] { "INV-2" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { FailureKind = QueueFailureKind.System, FailureCode = "po-mismatch" }), Is.Empty);
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { Status = QueueItemStatus.New, FailureKind = QueueFailureKind.System }),
            Is.EqualTo(new[] { "INV-4" }), "an item retried after a system exception keeps its failure");
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { Status = QueueItemStatus.Failed, FailureCode = "unknown-supplier" }),
            Is.EqualTo(new[] { "CR-1", "INV-1" }));
    }

    [Test]
    public async Task Items_are_filtered_by_time_added_and_time_last_changed()
    {
        var queue = await FilterFixtureAsync();

        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { AddedFrom = T0.AddMinutes(1), AddedTo = T0.AddMinutes(4) }),
            Is.EqualTo(new[] { "CR-1", "INV-3", "INV-2" }), "from is inclusive, to exclusive");
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { AddedFrom = T0.AddMinutes(5) }), Is.EqualTo(new[] { "INV-6", "INV-5" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { UpdatedFrom = T0.AddMinutes(12) }), Is.EqualTo(new[] { "INV-4", "CR-1", "INV-3" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { UpdatedFrom = T0.AddMinutes(11), UpdatedTo = T0.AddMinutes(13) }),
            Is.EqualTo(new[] { "INV-3", "INV-2" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { Status = QueueItemStatus.New, UpdatedTo = T0.AddMinutes(10) }),
            Is.EqualTo(new[] { "INV-6", "INV-5" }), "items never taken last changed when they were added");
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { FailureKind = QueueFailureKind.Business, AddedTo = T0.AddMinutes(3) }),
            Is.EqualTo(new[] { "INV-2", "INV-1" }));
    }

    [Test]
    public async Task Items_are_filtered_by_reference_prefix_case_sensitively()
    {
        var queue = await FilterFixtureAsync();
        await Queues.AddItemsAsync(queue.Name, [Item(null)], "clerk", T0.AddMinutes(20));

        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { ReferencePrefix = "INV-" }),
            Is.EqualTo(new[] { "INV-6", "INV-5", "INV-4", "INV-3", "INV-2", "INV-1" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { ReferencePrefix = "CR" }), Is.EqualTo(new[] { "CR-1" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { ReferencePrefix = "inv-" }), Is.Empty);
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { ReferencePrefix = "INV-4" }), Is.EqualTo(new[] { "INV-4" }));
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { ReferencePrefix = "INV-44" }), Is.Empty);
        Assert.That(await ReferencesAsync(queue.Name, new QueueItemQuery { ReferencePrefix = "INV-", FailureCode = "unknown-supplier" }),
            Is.EqualTo(new[] { "INV-1" }));
    }

    [Test]
    public async Task Filtered_lists_page_by_keyset_without_losing_or_repeating_items()
    {
        var queue = await FilterFixtureAsync();

        async Task<List<string?[]>> PagesAsync(QueueItemQuery query)
        {
            var pages = new List<string?[]>();
            string? cursor = null;
            do
            {
                var page = await Queues.ListItemsAsync(queue.Name, query, cursor, 2);
                pages.Add(page.Items.Select(i => i.Reference).ToArray());
                cursor = page.NextCursor;
            }
            while (cursor is not null && pages.Count < 10);

            return pages;
        }

        Assert.That(await PagesAsync(new QueueItemQuery { FailureKind = QueueFailureKind.Business }),
            Is.EqualTo(new[] { new[] { "CR-1", "INV-2" }, new[] { "INV-1" } }));
        Assert.That(await PagesAsync(new QueueItemQuery { AddedFrom = T0, AddedTo = T0.AddMinutes(6) }),
            Is.EqualTo(new[] { new[] { "INV-5", "INV-4" }, new[] { "CR-1", "INV-3" }, new[] { "INV-2", "INV-1" } }));
        Assert.That(await PagesAsync(new QueueItemQuery { ReferencePrefix = "INV-", UpdatedFrom = T0.AddMinutes(10) }),
            Is.EqualTo(new[] { new[] { "INV-4", "INV-3" }, new[] { "INV-2", "INV-1" } }));
    }

    [Test]
    public async Task Workers_that_stopped_reporting_before_a_time_are_removed_from_the_registry()
    {
        // A store of its own: removing by time would otherwise reach other tests' workers.
        await using var store = await OpenFreshAsync();
        BotWorker Worker(string id, DateTimeOffset lastReport, BotWorkerStatus status) => new()
        {
            Id = id, Bot = "invoice-entry", Queue = "invoices", Pool = "invoices", Node = "node1", Status = status, StartedAt = lastReport.AddHours(-1),
            LastHeartbeat = lastReport,
        };
        var now = T0.AddDays(30);
        await store.BotWorkers.SaveAsync(Worker("invoice-entry@node1#1-old", now.AddDays(-8), BotWorkerStatus.Working));
        await store.BotWorkers.SaveAsync(Worker("invoice-entry@node1#2-old", now.AddDays(-7).AddSeconds(-1), BotWorkerStatus.Stopped));
        await store.BotWorkers.SaveAsync(Worker("invoice-entry@node1#1-edge", now.AddDays(-7), BotWorkerStatus.Stopped));
        await store.BotWorkers.SaveAsync(Worker("invoice-entry@node1#1-new", now, BotWorkerStatus.Idle));

        Assert.That(await store.BotWorkers.RemoveReportedBeforeAsync(now.AddDays(-7)), Is.EqualTo(2));
        Assert.That((await store.BotWorkers.ListAsync()).Select(w => w.Id),
            Is.EqualTo(new[] { "invoice-entry@node1#1-edge", "invoice-entry@node1#1-new" }), "a worker that reported exactly at the cut stays");
        Assert.That(await store.BotWorkers.RemoveReportedBeforeAsync(now.AddDays(-7)), Is.EqualTo(0), "a second clean removes nothing");
    }
}
