using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Samples.Bots.Challenge;

namespace Automation.Bench.Bots;

/// <summary>
/// The bot benchmarks and the challenge bot's command line:
/// <c>challenge [--url U] [--xlsx F] [--rounds N] [--once]</c>, <c>overhead [--url U] [--xlsx F] [--items N]</c>,
/// <c>bots [--items N] [--workers 1,2,4] [--trace actions|fullonretry|full|off] [--bots invoice-entry,starter-leaver,rpa-challenge]</c> (the ItemTrace the bot host records; default as the server: FullOnRetry), or <c>botbench</c> for all three.
/// Without --url the sample copy of the challenge (samples/RpaChallenge) runs in this process.
/// </summary>
internal static class BotBenchProgram
{
    public static readonly string[] Scenarios = ["challenge", "overhead", "bots", "botbench"];

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args[0];
        string? url = null, xlsx = null, outFile = null;
        int rounds = 5, items = 5, botItems = 8;
        int[] workers = [1, 2, 4];
        var once = false;
        string[]? only = null;
        var trace = new BrowserOptions().ItemTrace;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": url = Next(); break;
                case "--xlsx": xlsx = Next(); break;
                case "--rounds": rounds = PositiveInt(Next(), "--rounds"); break;
                case "--items":
                    var n = PositiveInt(Next(), "--items");
                    items = n;
                    botItems = n;
                    break;
                case "--workers": workers = Next().Split(',').Select(w => PositiveInt(w, "--workers")).ToArray(); break;
                case "--trace":
                    var mode = Next();
                    trace = Enum.TryParse<ItemTrace>(mode, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t
                        : throw new ArgumentException($"--trace must be one of {string.Join(", ", Enum.GetNames<ItemTrace>())}, not '{mode}'.");
                    break;
                case "--once": once = true; break;
                case "--bots": only = [.. Next().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]; break;
                case "--out": outFile = Next(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}' for {scenario}; see bench/Automation.Bench/Bots/BotBenchProgram.cs.");
            }
        }
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
            throw new ArgumentException($"--url '{url}' is not an http(s) address.");

        var options = new BrowserOptions { ExecutablePath = Environment.GetEnvironmentVariable("AUTOMATION_CHROMIUM") ?? "/usr/bin/chromium", ItemTrace = trace };
        options.AllowedHosts.Add("127.0.0.1");
        if (url is not null) options.AllowedHosts.Add(new Uri(url).Host);
        await using var pool = new BrowserPool(Microsoft.Extensions.Options.Options.Create(options), NullLogger<BrowserPool>.Instance);
        await using var site = await ChallengeSite.StartAsync(url, xlsx, pool).ConfigureAwait(false);

        if (once)
        {
            var output = await ChallengeBench.RunOnceAsync(pool, site).ConfigureAwait(false);
            Console.WriteLine(output?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return output?["correct"]?.GetValue<int>() == output?["total"]?.GetValue<int>() ? 0 : 1;
        }

        var started = DateTimeOffset.Now;
        var header = new StringBuilder();
        header.AppendLine($"Machine: {Machine.Describe()}");
        header.AppendLine($"Started: {started:yyyy-MM-dd HH:mm:ss zzz}; load average at start: {Machine.Load()}");
        header.AppendLine($"Browser: Chromium {(await BrowserAsync(pool).ConfigureAwait(false)).Version} at {options.ExecutablePath}, headless, through Microsoft.Playwright");
        Console.WriteLine(header);
        var tables = new List<Table>();
        var failures = false;
        if (scenario is "challenge" or "botbench") await ChallengeBench.RunAsync(pool, site, rounds, tables).ConfigureAwait(false);
        if (scenario is "overhead" or "botbench") await OverheadBench.RunAsync(pool, site, items, tables).ConfigureAwait(false);
        if (scenario is "bots" or "botbench")
        {
            // Each case starts what its bot drives when its turn comes, and stops it afterwards.
            (string Bot, Func<Task<BotBenchCase>> Start)[] all =
            [
                ("invoice-entry", async () => await InvoiceEntryCase.StartAsync().ConfigureAwait(false)),
                ("starter-leaver", async () => await StarterLeaverCase.StartAsync().ConfigureAwait(false)),
                ("rpa-challenge", () => Task.FromResult<BotBenchCase>(new ChallengeCase(site))),
            ];
            if (only?.FirstOrDefault(b => all.All(c => c.Bot != b)) is { } unknown)
                throw new ArgumentException($"--bots names '{unknown}'; the bots are {string.Join(", ", all.Select(c => c.Bot))}.");
            var cases = all.Where(c => only is null || only.Contains(c.Bot)).Select(c => c.Start).ToList();
            if (!await BotsBench.RunAsync(pool, cases, botItems, workers, tables).ConfigureAwait(false)) failures = true;
        }

        var finished = DateTimeOffset.Now;
        var markdown = new StringBuilder();
        markdown.AppendLine("## Bot benchmark run " + started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).AppendLine();
        foreach (var line in header.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) markdown.AppendLine("- " + line.TrimEnd());
        markdown.AppendLine($"- Finished: {finished:HH:mm:ss} ({(finished - started).TotalMinutes:0.0} min); load average at end: {Machine.Load()}").AppendLine();
        foreach (var table in tables)
        {
            Console.Write(table.ToConsole());
            markdown.Append(table.ToMarkdown());
        }
        outFile ??= Path.Combine("artifacts", "bench", $"bots-{started:yyyyMMdd-HHmmss}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        await File.WriteAllTextAsync(outFile, markdown.ToString()).ConfigureAwait(false);
        Console.WriteLine($"\nLoad average at end: {Machine.Load()}. Markdown written to {Path.GetFullPath(outFile)}");
        // A bot item that failed or keyed something wrong fails the run (the tables say which).
        return failures ? 1 : 0;
    }

    /// <summary>The pool's browser (launched if need be), for the plain-Playwright peer to open its own contexts in.</summary>
    public static async Task<IBrowser> BrowserAsync(BrowserPool pool)
    {
        var probe = await pool.NewContextAsync().ConfigureAwait(false);
        var browser = probe.Browser!;
        await probe.CloseAsync().ConfigureAwait(false);
        return browser;
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option} must be a whole number above 0, not '{text}'.");
}
