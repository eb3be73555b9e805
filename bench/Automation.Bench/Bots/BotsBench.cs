using System.Globalization;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Queues;
using Automation.Storage;
using Automation.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bench.Bots;

/// <summary>
/// `bots`: items per minute for each bot with 1, 2 and 4 workers taking from one queue in a SQLite store (a fresh batch
/// of items per worker count), each item handled as the host handles it (context, trace as configured, bot, settle).
/// </summary>
internal static class BotsBench
{
    public static async Task RunAsync(BrowserPool pool, IReadOnlyList<BotCase> cases, int itemsPerCell, int[] workerCounts, TraceMode trace, List<Table> tables)
    {
        using var folder = new TempDirectory("bench-bots");
        var services = new ServiceCollection()
            .AddAutomationStorage(new StorageOptions { Store = StorageOptions.Sqlite, DataDirectory = folder.Path })
            .BuildServiceProvider();
        await using var _ = services;
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync().ConfigureAwait(false);
        var store = services.GetRequiredService<IWorkQueueStore>();

        var table = new Table($"Bots: items per minute with 1, 2 and 4 workers ({itemsPerCell} items per cell, SQLite queue, trace {trace})",
            "Bot", "Workers", "Items", "Successful", "Right", "Failed", "Seconds", "Items/min", "Item ms median", "Load at start", "First error");
        foreach (var botCase in cases)
        {
            var runner = new ItemRunner(pool, botCase.Bot, botCase.Settings, trace);
            // Warm-up: one item, not counted (the first context pays for the browser's start).
            var warm = $"{botCase.Bot.Name}-warmup";
            await store.SaveQueueAsync(new WorkQueue { Name = warm, MaxAttempts = 1 }, DateTimeOffset.UtcNow).ConfigureAwait(false);
            await store.AddItemsAsync(warm, botCase.MakeItems(1), "bench", DateTimeOffset.UtcNow).ConfigureAwait(false);
            await QueueWorkers.DrainAsync(store, warm, runner, botCase, 1).ConfigureAwait(false);
            foreach (var workers in workerCounts)
            {
                var queue = $"{botCase.Bot.Name}-w{workers}";
                await store.SaveQueueAsync(new WorkQueue { Name = queue, MaxAttempts = 1 }, DateTimeOffset.UtcNow).ConfigureAwait(false);
                await store.AddItemsAsync(queue, botCase.MakeItems(itemsPerCell), "bench", DateTimeOffset.UtcNow).ConfigureAwait(false);
                var load = Machine.Load1();
                Console.Write($"  {botCase.Label}, {workers} worker(s), {itemsPerCell} items... ");
                var o = await QueueWorkers.DrainAsync(store, queue, runner, botCase, workers).ConfigureAwait(false);
                var perMinute = (o.Successful + o.Failed) / o.Seconds * 60;
                Console.WriteLine($"{Fmt.N(perMinute, 1)} items/min{(o.FirstError is null ? "" : " first error: " + o.FirstError)}");
                table.Add(botCase.Label, workers.ToString(CultureInfo.InvariantCulture), (o.Successful + o.Failed).ToString(CultureInfo.InvariantCulture),
                    o.Successful.ToString(CultureInfo.InvariantCulture), (o.Successful - o.Wrong).ToString(CultureInfo.InvariantCulture),
                    o.Failed.ToString(CultureInfo.InvariantCulture), Fmt.N(o.Seconds, 1), Fmt.N(perMinute, 1), Fmt.N(Samples.Median(o.ItemMs)),
                    Fmt.N(load, 2), o.FirstError ?? "");
            }
        }
        table.Notes.Add("Workers are tasks of this process sharing one Chromium (as one bot host's pool does): each takes from the queue (IWorkQueueStore.TakeNextAsync, SQLite), runs the item in a fresh browser context and completes or fails it. Until the bot host is on main this loop stands in for it (no heartbeats; items take seconds).");
        table.Notes.Add("Items/min = items settled / wall seconds from the first take to the queue being empty × 60. Right = successful items whose output is what the item should give (for the challenge: 70 of 70 fields).");
        table.Notes.Add("The machine has 2 cores shared with other work: 4 workers mean 4 renderers and the bench competing for them.");
        tables.Add(table);
    }
}
