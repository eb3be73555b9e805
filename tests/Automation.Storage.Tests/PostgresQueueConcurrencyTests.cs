using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Automation.Engine.Queues;
using Automation.Testing;

namespace Automation.Storage.Tests;

/// <summary>
/// Several bots on several nodes clearing one queue on a real PostgreSQL: each worker has a store of its own (its own
/// connection pool, as a separate server node would), and every item must be handled exactly once.
/// </summary>
[TestFixture]
public sealed class PostgresQueueConcurrencyTests
{
    private const int Workers = 4;
    private const int ItemCount = 1000;

    [Test]
    public async Task Four_workers_clear_a_thousand_items_each_handled_exactly_once()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("queues");
        var options = new StorageOptions { Store = "postgres", ConnectionString = database };
        var nodes = new List<StoreSet>();
        try
        {
            for (var i = 0; i < Workers; i++) nodes.Add(await StoreSet.OpenAsync(options));
            var queue = await nodes[0].Queues.SaveQueueAsync(new WorkQueue { Name = "invoices", MaxAttempts = 1 }, DateTimeOffset.UtcNow);
            var items = Enumerable.Range(0, ItemCount)
                .Select(i => new NewQueueItem { Reference = $"INV-{i:D4}", Data = new JsonObject { ["n"] = i } }).ToList();
            foreach (var batch in items.Chunk(250)) await nodes[0].Queues.AddItemsAsync(queue.Name, batch, "loader", DateTimeOffset.UtcNow);

            var handled = new ConcurrentBag<(string Worker, string ItemId)>();
            var refused = 0;
            await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
            {
                var worker = $"bot-{n}";
                while (await node.Queues.TakeNextAsync(queue.Name, worker, DateTimeOffset.UtcNow) is { } item)
                {
                    handled.Add((worker, item.Id));
                    var done = await node.Queues.CompleteAsync(item.Id, worker, new JsonObject { ["handledBy"] = worker }, DateTimeOffset.UtcNow);
                    if (done is not { Changed: true }) Interlocked.Increment(ref refused);
                }
            })));

            Assert.That(handled, Has.Count.EqualTo(ItemCount), "one take per item");
            Assert.That(handled.Select(h => h.ItemId).Distinct().Count(), Is.EqualTo(ItemCount), "no item taken twice");
            Assert.That(refused, Is.Zero, "every completion was by the item's holder");
            var stats = await nodes[0].Queues.GetStatisticsAsync(queue.Name, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
            Assert.That(stats.Counts[QueueItemStatus.Successful], Is.EqualTo(ItemCount));
            Assert.That(stats.Counts[QueueItemStatus.New] + stats.Counts[QueueItemStatus.InProgress], Is.Zero);
            var byItem = handled.ToDictionary(h => h.ItemId, h => h.Worker);
            var all = new List<QueueItem>();
            string? cursor = null;
            do
            {
                var page = await nodes[0].Queues.ListItemsAsync(queue.Name, new QueueItemQuery(), cursor, 500);
                all.AddRange(page.Items);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.That(all, Has.Count.EqualTo(ItemCount));
            foreach (var item in all)
            {
                Assert.That(item.Attempts, Is.EqualTo(1), item.Reference);
                Assert.That(item.Output!["handledBy"]!.GetValue<string>(), Is.EqualTo(byItem[item.Id]), "the output is the taker's");
                Assert.That((await nodes[0].Queues.GetHistoryAsync(item.Id)).Count(e => e.Action == QueueItemActions.Taken), Is.EqualTo(1));
            }

            TestContext.Out.WriteLine("items per worker: " + string.Join(", ", handled.GroupBy(h => h.Worker).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
            await server.DropDatabaseAsync(database);
        }
    }

    [Test]
    public async Task Two_nodes_adding_the_same_references_at_once_add_each_reference_once()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("queues");
        var options = new StorageOptions { Store = "postgres", ConnectionString = database };
        var nodes = new List<StoreSet>();
        try
        {
            for (var i = 0; i < 2; i++) nodes.Add(await StoreSet.OpenAsync(options));
            var queue = await nodes[0].Queues.SaveQueueAsync(new WorkQueue { Name = "starters", DuplicatePolicy = DuplicateReferencePolicy.Ignore }, DateTimeOffset.UtcNow);
            var items = Enumerable.Range(0, 200).Select(i => new NewQueueItem { Reference = $"EMP-{i:D4}" }).ToList();

            // Each node adds every reference in small batches, so their transactions interleave on the same keys.
            var results = await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
            {
                var added = 0;
                foreach (var batch in items.Chunk(10)) added += (await node.Queues.AddItemsAsync(queue.Name, batch, "hr-feed", DateTimeOffset.UtcNow)).Added.Count;
                return added;
            })));

            Assert.That(results.Sum(), Is.EqualTo(200), "every reference added by exactly one node");
            var stats = await nodes[1].Queues.GetStatisticsAsync(queue.Name, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
            Assert.That(stats.Counts[QueueItemStatus.New], Is.EqualTo(200));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
            await server.DropDatabaseAsync(database);
        }
    }
}
