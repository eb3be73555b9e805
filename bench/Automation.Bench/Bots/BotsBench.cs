using System.Globalization;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Queues;

namespace Automation.Bench.Bots;

/// <summary>
/// `bots`: items per minute for each sample bot with 1, 2 and 4 workers, run by the product's bot host
/// (<see cref="Automation.Bots.Browser.Workers.BotHost"/> and its worker loop: take, lease heartbeat, fresh browser
/// context, ItemTrace tracing, settle, registry reports, metrics) over a work queue in a SQLite store. Each cell gets a
/// fresh batch of items that do fresh work in the application; every item's outcome is read back from the queue and
/// every successful one checked in the application the bot drove.
/// </summary>
internal static class BotsBench
{
    /// <summary>Runs the cells and adds the table; returns whether every item of every cell succeeded and was checked right.</summary>
    public static async Task<bool> RunAsync(BrowserPool pool, IReadOnlyList<Func<Task<BotBenchCase>>> cases, int itemsPerCell, int[] workerCounts, List<Table> tables)
    {
        await using var rig = await BotHostRig.StartAsync(pool).ConfigureAwait(false);
        var table = new Table($"Bots through the bot host: items per minute with {string.Join(", ", workerCounts)} workers ({itemsPerCell} items per cell, SQLite work queue, ItemTrace {pool.Options.ItemTrace})",
            "Bot", "Workers", "Items", "Successful", "Failed", "Checked right", "Elapsed s", "Items/min", "vs 1 worker", "Item s median", "CPU s/item", "Load at start", "Failures / problems");
        var notes = new List<string>();
        var cpuNotes = new List<string>();
        var allRight = true;
        foreach (var start in cases)
        {
            await using var botCase = await start().ConfigureAwait(false);
            var name = botCase.Bot.Name;
            await botCase.SaveCredentialsAsync(rig.Vault).ConfigureAwait(false);
            notes.Add($"{name}: item = {botCase.ItemIs}; against {botCase.Target}.");

            // Warm-up: one item through a one-worker host, not counted (the app's first pages, the bot's first run).
            Console.Write($"  {name}: warm-up (one item, not counted)... ");
            var (warm, _) = await rig.RunAsync(botCase, $"{name}-warmup", await botCase.ItemsAsync(1, "warm").ConfigureAwait(false), 1, TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            Console.WriteLine(warm[0].Status == QueueItemStatus.Successful ? "done" : $"FAILED: {warm[0].FailureReason}");

            double? single = null;
            foreach (var workers in workerCounts)
            {
                var items = await botCase.ItemsAsync(itemsPerCell, $"w{workers}").ConfigureAwait(false);
                var load = Machine.Load1();
                Console.Write($"  {name}, {workers} worker(s), {itemsPerCell} items... ");
                var timeout = TimeSpan.FromSeconds(60 + 60.0 * itemsPerCell / workers);
                var cpu = ProcessTreeCpu.Seconds();
                IReadOnlyList<QueueItem> settled;
                DateTimeOffset started;
                try
                {
                    (settled, started) = await rig.RunAsync(botCase, $"{name}-w{workers}", items, workers, timeout).ConfigureAwait(false);
                }
                catch (TimeoutException e)
                {
                    // A stuck cell is a result too: shown, and the other cells still run.
                    Console.WriteLine(e.Message);
                    table.Add(name, workers.ToString(CultureInfo.InvariantCulture), itemsPerCell.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "", "", "", Fmt.N(load, 2), Short(e.Message));
                    allRight = false;
                    continue;
                }

                var cpuAfter = ProcessTreeCpu.Seconds();
                var cpuByKind = cpuAfter.Select(c => (Kind: c.Key, PerItem: (c.Value - cpu.GetValueOrDefault(c.Key)) / settled.Count)).Where(c => c.PerItem >= 0.005).OrderByDescending(c => c.PerItem).ToList();
                var cpuPerItem = cpuByKind.Sum(c => c.PerItem);
                cpuNotes.Add($"{name}, {workers} worker(s): {string.Join(", ", cpuByKind.Select(c => $"{c.Kind} {Fmt.N(c.PerItem, 2)}"))}");
                var successful = settled.Where(i => i.Status == QueueItemStatus.Successful).ToList();
                var failed = settled.Where(i => i.Status == QueueItemStatus.Failed).ToList();
                var check = await botCase.CheckAsync(successful).ConfigureAwait(false);
                var end = settled.Max(i => i.CompletedAt ?? i.UpdatedAt);
                var seconds = (end - started).TotalSeconds;
                var perMinute = settled.Count / seconds * 60;
                single ??= workers == 1 ? perMinute : null;
                var itemSeconds = settled.Where(i => i.StartedAt is not null && i.CompletedAt is not null).Select(i => (i.CompletedAt!.Value - i.StartedAt!.Value).TotalSeconds).ToList();
                allRight &= failed.Count == 0 && check.Right == successful.Count && check.Problems.Count == 0;
                var issues = failed.Select(i => $"{i.Reference ?? i.Id}: [{i.FailureKind} {i.FailureCode}] {i.FailureReason}").Concat(check.Problems).ToList();
                Console.WriteLine($"{successful.Count}/{settled.Count} successful, {Fmt.N(perMinute, 1)} items/min{(issues.Count == 0 ? "" : $"; {issues.Count} problem(s), first: {issues[0]}")}");
                table.Add(name, workers.ToString(CultureInfo.InvariantCulture), settled.Count.ToString(CultureInfo.InvariantCulture),
                    successful.Count.ToString(CultureInfo.InvariantCulture), failed.Count.ToString(CultureInfo.InvariantCulture),
                    $"{check.Right}/{successful.Count}", Fmt.N(seconds, 1), Fmt.N(perMinute, 1), single is { } one ? Fmt.Ratio(perMinute / one) : "—",
                    Fmt.N(Samples.Median(itemSeconds), 2), Fmt.N(cpuPerItem, 2), Fmt.N(load, 2),
                    issues.Count == 0 ? "none" : $"{issues.Count}: {Short(issues[0])}{(issues.Count > 1 ? " …" : "")}");
                foreach (var issue in issues) notes.Add($"{name}, {workers} worker(s): {issue}");
            }
        }

        table.Notes.Add("Each cell: a queue in the bench's SQLite store (max attempts 1, so a failure is final and shows here), a fresh batch of items added, then the product's BotHost started with one pool (bot, queue, N workers, settings as Automation:Bots:Pools gives them) and stopped once every item is Successful or Failed. Workers share one Chromium (BrowserPool), each item in a fresh browser context, as in the server.");
        table.Notes.Add("Elapsed: from BotHost.StartAsync to the last item's completion time in the store. Items/min = settled items / elapsed × 60. Item s: each item's taken-to-settled time from the store. CPU s/item: CPU time of the bench process tree during the cell (the bot host, the app the bot drives, the Playwright driver, Chromium and its renderers; not the mail servers) over the items: on a 2-core machine, 120 / CPU s per item is the most items per minute any number of workers can reach. Load at start: the 1-minute load average as the cell began.");
        table.Notes.Add("Checked right: successful items whose output the bench confirmed in the application the bot drove (FIN/2000's and PeopleNet's /testing read APIs; for the challenge, the page's own score of 70/70). Every notice of the starter/leaver bot is also waited for in its manager's mailbox.");
        table.Notes.Add("The machine has 2 cores shared with other work; N workers are N renderers plus the app and the bench on them.");
        table.Notes.Add("CPU s per item by process (bench = the bot host, the sample app and the bench in one .NET process; node = the Playwright driver; chromium = the browser process with the renderers it has reaped, chromium renderer etc. = helper processes still running): " + string.Join("; ", cpuNotes) + ".");
        table.Notes.AddRange(notes);
        tables.Add(table);
        return allRight;
    }

    private static string Short(string text) => text.Length <= 120 ? text.Replace('|', '/') : text[..117].Replace('|', '/') + "...";
}
