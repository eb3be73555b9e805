using System.Diagnostics;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Microsoft.Playwright;
using Samples.Bots.Challenge;

namespace Automation.Bench.Bots;

/// <summary>
/// `challenge`: the rpa-challenge bot against a plain Playwright script doing the same label-based fills, in the same
/// browser, alternating run by run (the order swapped every round); each run in a fresh browser context. The page
/// measures each run (Start to the tenth submit); the ratio is bot / script on the medians.
/// </summary>
internal static class ChallengeBench
{
    public static async Task RunAsync(BrowserPool pool, ChallengeSite site, int rounds, List<Table> tables)
    {
        var bot = new RpaChallengeBot();
        var runner = new ItemRunner(pool, bot, [], TraceMode.Off);
        var browser = await BotBenchProgram.BrowserAsync(pool).ConfigureAwait(false);
        var rows = ChallengeSpreadsheet.Read(await File.ReadAllBytesAsync(site.Spreadsheet).ConfigureAwait(false));
        var botRuns = new List<Run>();
        var plainRuns = new List<Run>();

        async Task<Run> BotAsync()
        {
            var watch = Stopwatch.StartNew();
            var output = await runner.RunAsync(ItemRunner.Item("challenge", Data(site)), "bench#1").ConfigureAwait(false);
            return new Run(output!["milliseconds"]!.GetValue<long>(), watch.Elapsed.TotalMilliseconds, output["correct"]!.GetValue<int>(), output["total"]!.GetValue<int>());
        }

        async Task<Run> PlainAsync()
        {
            var watch = Stopwatch.StartNew();
            var context = await browser.NewContextAsync().ConfigureAwait(false);
            try
            {
                var page = await context.NewPageAsync().ConfigureAwait(false);
                var result = await PlainChallenge.PlayAsync(page, site.Url, rows).ConfigureAwait(false);
                return new Run(result.Milliseconds, watch.Elapsed.TotalMilliseconds, result.Correct, result.Total);
            }
            finally
            {
                await context.CloseAsync().ConfigureAwait(false);
            }
        }

        Console.Write("  challenge: warm-up (one run each, not counted)... ");
        await BotAsync().ConfigureAwait(false);
        await PlainAsync().ConfigureAwait(false);
        Console.WriteLine("done");
        var load = Machine.Load();
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                botRuns.Add(await BotAsync().ConfigureAwait(false));
                plainRuns.Add(await PlainAsync().ConfigureAwait(false));
            }
            else
            {
                plainRuns.Add(await PlainAsync().ConfigureAwait(false));
                botRuns.Add(await BotAsync().ConfigureAwait(false));
            }
            Console.WriteLine($"  round {i + 1}: bot {botRuns[^1].PageMs} ms ({botRuns[^1].Correct}/{botRuns[^1].Total}), script {plainRuns[^1].PageMs} ms ({plainRuns[^1].Correct}/{plainRuns[^1].Total})");
        }

        var table = new Table($"RPA challenge: the rpa-challenge bot vs a plain Playwright script (label-based fills), {rounds} alternating runs each",
            "Runner", "Runs", "Fields right", "Page ms median", "Page ms min–max", "Wall ms median", "Ratio (page ms)", "Target", "Verdict");
        var botMedian = Samples.Median(botRuns.Select(r => (double)r.PageMs).ToList());
        var plainMedian = Samples.Median(plainRuns.Select(r => (double)r.PageMs).ToList());
        var ratio = botMedian / plainMedian;
        table.Add("rpa-challenge bot (Target/TargetResolver by label)", rounds.ToString(), Right(botRuns), Fmt.N(botMedian), Range(botRuns),
            Fmt.N(Samples.Median(botRuns.Select(r => r.WallMs).ToList())), Fmt.Ratio(ratio), "≤ 1.20×",
            ratio <= 1.2 && botRuns.All(r => r.Correct == r.Total) ? "pass" : "FAIL");
        table.Add("plain Playwright (GetByLabel(...).FillAsync)", rounds.ToString(), Right(plainRuns), Fmt.N(plainMedian), Range(plainRuns),
            Fmt.N(Samples.Median(plainRuns.Select(r => r.WallMs).ToList())), "1.00×", "", "");
        table.Notes.Add($"Page: {site.Describe()}. One Chromium (/usr/bin/chromium, headless) for both; every run in a fresh browser context; the bot runs as the host runs it minus tracing (see the overhead table for tracing).");
        table.Notes.Add("Page ms: what the page measured from the Start click to the tenth submit (the challenge's own number). Wall ms: from opening the context to reading the score (the bot also reads the .xlsx in it).");
        var paired = botRuns.Zip(plainRuns, (b, p) => (double)b.PageMs / p.PageMs).ToList();
        table.Notes.Add($"Ratio of each round's pair (bot / script, run back to back): {string.Join(", ", paired.Select(Fmt.Ratio))}; median {Fmt.Ratio(Samples.Median(paired))}. On a loaded machine the pairs say more than the medians of each side.");
        table.Notes.Add($"Per run, page ms: bot {Samples.List(botRuns.Select(r => (double)r.PageMs))}; script {Samples.List(plainRuns.Select(r => (double)r.PageMs))}. Load average at the first round: {load}.");
        tables.Add(table);
    }

    /// <summary>One run of the bot from the command line (no server, no queue): prints the page's score.</summary>
    public static async Task<JsonObject?> RunOnceAsync(BrowserPool pool, ChallengeSite site)
    {
        var runner = new ItemRunner(pool, new RpaChallengeBot(), [], TraceMode.Off);
        return await runner.RunAsync(ItemRunner.Item("challenge", Data(site)), "cli#1").ConfigureAwait(false);
    }

    internal static JsonObject Data(ChallengeSite site) => new() { ["url"] = site.Url.ToString(), ["spreadsheet"] = site.Spreadsheet };

    private static string Right(List<Run> runs) => $"{runs.Sum(r => r.Correct)}/{runs.Sum(r => r.Total)} ({runs.Count(r => r.Correct == r.Total)} of {runs.Count} runs all right)";

    private static string Range(List<Run> runs) => runs.Count == 0 ? "n/a" : $"{runs.Min(r => r.PageMs)}–{runs.Max(r => r.PageMs)}";

    private sealed record Run(long PageMs, double WallMs, int Correct, int Total);
}
