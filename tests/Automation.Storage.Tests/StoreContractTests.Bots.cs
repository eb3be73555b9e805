using Automation.Engine.Bots;
using Automation.Engine.Queues;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task A_failure_keeps_its_code_on_the_item_and_in_the_history()
    {
        var queue = await NewQueueAsync(q => q with { MaxAttempts = 2 });
        var second = await NewQueueAsync(q => q with { MaxAttempts = 2 });
        var third = await NewQueueAsync(q => q with { MaxAttempts = 1 });
        await Queues.AddItemsAsync(queue.Name, [Item("INV-1")], "op", T0);
        await Queues.AddItemsAsync(second.Name, [Item("INV-2")], "op", T0);
        await Queues.AddItemsAsync(third.Name, [Item("INV-3")], "op", T0);

        var business = (await Queues.TakeNextAsync(queue.Name, "bot@a#1", T0))!;
        await Queues.FailAsync(business.Id, "bot@a#1", QueueFailureKind.Business, "Supplier S9 does not exist", "unknown-supplier", T0.AddSeconds(1));
        var system = (await Queues.TakeNextAsync(second.Name, "bot@a#1", T0.AddSeconds(2)))!;
        await Queues.FailAsync(system.Id, "bot@a#1", QueueFailureKind.System, "Timeout 30000ms exceeded", T0.AddSeconds(3));
        var expired = (await Queues.TakeNextAsync(third.Name, "bot@a#2", T0.AddSeconds(4)))!;
        await Queues.ExpireLeasesAsync(T0.AddSeconds(4) + third.LeaseDuration);

        var b = (await Queues.GetItemAsync(business.Id))!;
        Assert.That((b.Status, b.FailureKind, b.FailureCode), Is.EqualTo((QueueItemStatus.Failed, (QueueFailureKind?)QueueFailureKind.Business, "unknown-supplier")));
        var s = (await Queues.GetItemAsync(system.Id))!;
        Assert.That((s.Status, s.FailureCode), Is.EqualTo((QueueItemStatus.New, "system")), "a system exception without a code is 'system'");
        var e = (await Queues.GetItemAsync(expired.Id))!;
        Assert.That((e.Status, e.FailureCode), Is.EqualTo((QueueItemStatus.Failed, "lease-expired")));

        var history = await Queues.GetHistoryAsync(business.Id);
        Assert.That(history[^1].FailureKind, Is.EqualTo(QueueFailureKind.Business));
        Assert.That(history[^1].FailureCode, Is.EqualTo("unknown-supplier"));
        Assert.That(history[0].FailureCode, Is.Null, "only failed attempts carry a code");
        Assert.That((await Queues.GetHistoryAsync(expired.Id))[^1].FailureCode, Is.EqualTo("lease-expired"));
    }

    [Test]
    public async Task Evidence_is_linked_to_an_item_once_and_listed_oldest_first()
    {
        var item = NewId("item");
        await Evidence.AddAsync(new QueueItemEvidence(item, 1, "doc-b", QueueItemEvidenceKinds.Trace, T0.AddSeconds(1)));
        await Evidence.AddAsync(new QueueItemEvidence(item, 1, "doc-a", QueueItemEvidenceKinds.Screenshot, T0));
        await Evidence.AddAsync(new QueueItemEvidence(item, 1, "doc-a", QueueItemEvidenceKinds.Screenshot, T0.AddSeconds(5)));
        await Evidence.AddAsync(new QueueItemEvidence(NewId("other"), 1, "doc-c", QueueItemEvidenceKinds.Trace, T0));

        var listed = await Evidence.ListAsync(item);
        Assert.That(listed.Select(e => (e.DocumentId, e.Kind, e.Attempt)),
            Is.EqualTo(new[] { ("doc-a", "screenshot", 1), ("doc-b", "trace", 1) }));
        Assert.That(listed[0].CreatedAt, Is.EqualTo(T0));
        Assert.That(await Evidence.ListAsync("nothing"), Is.Empty);

        var bad = Assert.ThrowsAsync<ArgumentException>(() => Evidence.AddAsync(new QueueItemEvidence(item, 1, " ", "trace", T0)));
        Assert.That(bad!.Message, Does.Contain("document"));
    }

    [Test]
    public async Task A_bot_worker_is_saved_replaced_and_listed()
    {
        var bot = NewId("invoice-entry");
        var worker = new BotWorker
        {
            Id = $"{bot}@node1#1-abc", Bot = bot, Queue = "invoices", Pool = "invoices-pool", Node = "node1", Status = BotWorkerStatus.Idle,
            StartedAt = T0, LastHeartbeat = T0,
        };
        await BotWorkers.SaveAsync(worker);
        await BotWorkers.SaveAsync(worker with
        {
            Status = BotWorkerStatus.Working, ItemId = "item-1", ItemReference = "INV-1", LastHeartbeat = T0.AddSeconds(10), ItemsHandled = 3, ItemsFailed = 1,
        });
        await BotWorkers.SaveAsync(worker with { Id = $"{bot}@node1#2-abc", Status = BotWorkerStatus.Misconfigured, Error = "no queue 'invoices'" });

        var mine = (await BotWorkers.ListAsync()).Where(w => w.Bot == bot).ToList();
        Assert.That(mine.Select(w => w.Id), Is.EqualTo(new[] { $"{bot}@node1#1-abc", $"{bot}@node1#2-abc" }));
        Assert.That(mine[0], Is.EqualTo(worker with
        {
            Status = BotWorkerStatus.Working, ItemId = "item-1", ItemReference = "INV-1", LastHeartbeat = T0.AddSeconds(10), ItemsHandled = 3, ItemsFailed = 1,
        }));
        Assert.That((mine[1].Status, mine[1].Error), Is.EqualTo((BotWorkerStatus.Misconfigured, "no queue 'invoices'")));
        Assert.ThrowsAsync<ArgumentException>(() => BotWorkers.SaveAsync(worker with { Queue = "" }));
    }

    [Test]
    public async Task Bot_activity_counts_settled_attempts_by_bot_outcome_and_reason()
    {
        var queue = await NewQueueAsync(q => q with { MaxAttempts = 3 });
        var other = await NewQueueAsync();
        await Queues.AddItemsAsync(queue.Name, [Item("A"), Item("B"), Item("C"), Item("D"), Item("E")], "op", T0);
        await Queues.AddItemsAsync(other.Name, [Item("X")], "op", T0);
        var t = T0.AddMinutes(1);

        async Task<QueueItem> Take(string worker) => (await Queues.TakeNextAsync(queue.Name, worker, t))!;
        var a = await Take("entry@n1#1");
        await Queues.CompleteAsync(a.Id, "entry@n1#1", null, t);
        var b = await Take("entry@n2#1");
        await Queues.CompleteAsync(b.Id, "entry@n2#1", null, t);
        var c = await Take("entry@n1#1");
        await Queues.FailAsync(c.Id, "entry@n1#1", QueueFailureKind.Business, "no supplier", "unknown-supplier", t);
        var d = await Take("entry@n1#2");
        await Queues.FailAsync(d.Id, "entry@n1#2", QueueFailureKind.System, "timeout", "TimeoutException", t);
        _ = await Take("checker@n1#1");
        await Queues.ExpireLeasesAsync(t.AddHours(1));
        var x = (await Queues.TakeNextAsync(other.Name, "entry@n1#1", t))!;
        await Queues.CompleteAsync(x.Id, "entry@n1#1", null, t);

        var activity = await BotWorkers.GetActivityAsync(T0, queue.Name);
        Assert.That(activity.Select(r => (r.Bot, r.Successful, r.FailureKind, r.FailureCode, r.Count)).OrderBy(r => r.ToString()), Is.EqualTo(new[]
        {
            ("checker", false, (QueueFailureKind?)QueueFailureKind.System, (string?)"lease-expired", 1L),
            ("entry", false, QueueFailureKind.Business, "unknown-supplier", 1L),
            ("entry", false, QueueFailureKind.System, "TimeoutException", 1L),
            ("entry", true, null, null, 2L),
        }.OrderBy(r => r.ToString())));
        Assert.That(activity.All(r => r.Queue == queue.Name));
        Assert.That(await BotWorkers.GetActivityAsync(t.AddHours(2), queue.Name), Is.Empty, "nothing settled after the window starts");
        var all = await BotWorkers.GetActivityAsync(T0);
        Assert.That(all.Where(r => r.Queue == other.Name).Select(r => (r.Bot, r.Count)), Is.EqualTo(new[] { ("entry", 1L) }));
    }
}
