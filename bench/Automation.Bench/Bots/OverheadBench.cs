using System.Diagnostics;
using Automation.Bots.Browser.Sessions;
using Samples.Bots.Challenge;

namespace Automation.Bench.Bots;

/// <summary>
/// `overhead`: one item handled as the bot host handles it (fresh context from the pool, tracing, page, the bot's
/// Target resolution, trace stopped, context closed) against a plain Playwright script doing the same form fills in
/// a fresh context of the same browser. Items are challenge runs (70 fills, 10 submits, the .xlsx read by both);
/// the variants take turns item by item, the order rotated every round.
/// </summary>
internal static class OverheadBench
{
    public static async Task RunAsync(BrowserPool pool, ChallengeSite site, int items, List<Table> tables)
    {
        var browser = await BotBenchProgram.BrowserAsync(pool).ConfigureAwait(false);
        var bot = new RpaChallengeBot();
        var data = ChallengeBench.Data(site);

        async Task<(double Wall, long Page, bool Right)> PlainAsync()
        {
            var watch = Stopwatch.StartNew();
            var context = await browser.NewContextAsync().ConfigureAwait(false);
            try
            {
                var page = await context.NewPageAsync().ConfigureAwait(false);
                var rows = ChallengeSpreadsheet.Read(await File.ReadAllBytesAsync(site.Spreadsheet).ConfigureAwait(false));
                var result = await PlainChallenge.PlayAsync(page, site.Url, rows).ConfigureAwait(false);
                return (watch.Elapsed.TotalMilliseconds, result.Milliseconds, result.Correct == result.Total);
            }
            finally
            {
                await context.CloseAsync().ConfigureAwait(false);
            }
        }

        Func<Task<(double, long, bool)>> Bot(TraceMode trace)
        {
            var runner = new ItemRunner(pool, bot, [], trace);
            return async () =>
            {
                var watch = Stopwatch.StartNew();
                var output = await runner.RunAsync(ItemRunner.Item("challenge", data), "bench#1").ConfigureAwait(false);
                return (watch.Elapsed.TotalMilliseconds, output!["milliseconds"]!.GetValue<long>(), output["correct"]!.GetValue<int>() == output["total"]!.GetValue<int>());
            };
        }

        var variants = new (string Name, Func<Task<(double Wall, long Page, bool Right)>> Run)[]
        {
            ("plain Playwright script (no runtime)", PlainAsync),
            ("bot as the host runs it, no trace", Bot(TraceMode.Off)),
            ("bot as the host runs it, trace: actions only", Bot(TraceMode.Actions)),
            ("bot as the host runs it, trace: snapshots, no screencast", Bot(TraceMode.Snapshots)),
            ("bot as the host runs it, trace: screencast + snapshots (as BrowserSessions traces)", Bot(TraceMode.Full)),
        };
        var results = variants.Select(_ => new List<(double Wall, long Page, bool Right)>()).ToArray();
        Console.Write("  overhead: warm-up (one item each, not counted)... ");
        foreach (var v in variants) await v.Run().ConfigureAwait(false);
        Console.WriteLine("done");
        var load = Machine.Load();
        for (var i = 0; i < items; i++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var j = (i + k) % variants.Length;
                results[j].Add(await variants[j].Run().ConfigureAwait(false));
            }
            Console.WriteLine($"  round {i + 1}: " + string.Join(", ", results.Select((r, j) => $"{j}: {Fmt.N(r[^1].Wall)} ms")));
        }

        var plain = Samples.Median(results[0].Select(r => r.Wall).ToList());
        var table = new Table($"Bot runtime overhead per item vs plain Playwright ({items} items each, taking turns)",
            "Variant", "Items", "All fields right", "Wall ms median", "Wall ms min–max", "Page ms median", "Ratio (wall)", "Target", "Verdict");
        for (var j = 0; j < variants.Length; j++)
        {
            var wall = Samples.Median(results[j].Select(r => r.Wall).ToList());
            var ratio = wall / plain;
            table.Add(variants[j].Name, results[j].Count.ToString(), $"{results[j].Count(r => r.Right)}/{results[j].Count}", Fmt.N(wall),
                $"{Fmt.N(results[j].Min(r => r.Wall))}–{Fmt.N(results[j].Max(r => r.Wall))}",
                Fmt.N(Samples.Median(results[j].Select(r => (double)r.Page).ToList())), Fmt.Ratio(ratio),
                j == 0 ? "" : "≤ 1.20×", j == 0 ? "" : ratio <= 1.2 ? "pass" : "FAIL");
        }
        table.Notes.Add($"Item = one challenge run on {site.Describe()}: read the .xlsx, open the page, Start, 10 rounds of 7 label-based fills and a submit, read the score.");
        table.Notes.Add("Wall ms: from asking for a browser context to closing it (both sides). The bot side is ItemRunner: BrowserPool.NewContextAsync, Tracing.StartAsync as configured, NewPageAsync, IQueueBot.ProcessAsync, Tracing.StopAsync (nothing written on success), CloseAsync; the host's lease heartbeat (one store call per 10 s) is left out.");
        table.Notes.Add($"Load average at the first round: {load}.");
        tables.Add(table);
    }
}
