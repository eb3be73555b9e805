using System.Globalization;
using System.Text;
using Automation.Bench;
using Automation.Bench.Bots;

// Usage: dotnet run -c Release --project bench/Automation.Bench -- [scenario] [store] [options]
//   scenario: all (default) | linear | foreach | bookmark | throughput (a+b+c) | scale | timers
//   store:    all (default) | memory | sqlite | postgres
//   options:  --duration S  --warmup S  --callers N  --scale-instances N  --scale-versions N  --out FILE  --no-extras
// Bots (docs/performance.md, "Bots"): challenge [--url U] [--xlsx F] [--rounds N] [--once] | overhead [--items N] |
//   bots [--items N] [--workers 1,2,4] [--trace fullonretry|actions|full|off] [--bots a,b] | botbench (all three)
if (args.Length > 0 && BotBenchProgram.Scenarios.Contains(args[0])) return await BotBenchProgram.RunAsync(args);
var positional = new List<string>();
var settings = new Settings();
string? outFile = null;
var extras = true;
var journalOff = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--duration": settings = settings with { Duration = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) }; break;
        case "--warmup": settings = settings with { Warmup = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) }; break;
        case "--callers": settings = settings with { Callers = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--scale-instances": settings = settings with { ScaleInstances = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--scale-versions": settings = settings with { ScaleVersions = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--out": outFile = args[++i]; break;
        case "--no-extras": extras = false; break;
        case "--journal-off": journalOff = true; break;
        case "-h" or "--help":
            Console.WriteLine("dotnet run -c Release --project bench/Automation.Bench -- [all|linear|foreach|bookmark|throughput|scale|timers] [all|memory|sqlite|postgres] [--duration S] [--warmup S] [--callers N] [--scale-instances N] [--scale-versions N] [--out FILE] [--no-extras]");
            return 0;
        default: positional.Add(args[i]); break;
    }
}
var scenario = positional.ElementAtOrDefault(0) ?? "all";
if (scenario == "micro")
{
    Console.WriteLine($"Machine: {Machine.Describe()}; load {Machine.Load()}");
    await Micro.RunAsync(settings);
    return 0;
}
if (scenario == "journal-sql")
{
    Console.WriteLine($"Machine: {Machine.Describe()}; load {Machine.Load()}");
    JournalInsertBench.Run(settings);
    Console.WriteLine($"Load at end: {Machine.Load()}");
    return 0;
}
if (scenario == "profile")
{
    // profile SCENARIO [STORE] [--journal off]: one caller (or --callers N), store calls timed.
    var what = positional.ElementAtOrDefault(1) ?? Scenarios.Linear;
    var where = Enum.Parse<StoreKind>(positional.ElementAtOrDefault(2) ?? "memory", ignoreCase: true);
    await using var profileServers = new Servers();
    Console.WriteLine($"Machine: {Machine.Describe()}; load {Machine.Load()}");
    await Scenarios.ProfileAsync(what, where, !journalOff, settings, profileServers);
    return 0;
}
var storeArg = positional.ElementAtOrDefault(1) ?? "all";
StoreKind[] stores = storeArg switch
{
    "all" => [StoreKind.Memory, StoreKind.Sqlite, StoreKind.Postgres],
    "memory" => [StoreKind.Memory],
    "sqlite" => [StoreKind.Sqlite],
    "postgres" => [StoreKind.Postgres],
    _ => throw new ArgumentException($"Unknown store '{storeArg}'."),
};
string[] throughput = scenario switch
{
    "all" or "throughput" => [Scenarios.Linear, Scenarios.ForEach, Scenarios.Bookmark],
    Scenarios.Linear or Scenarios.ForEach or Scenarios.Bookmark => [scenario],
    "scale" or "timers" => [],
    _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
};
var runScale = scenario is "all" or "scale";
var runTimers = scenario is "all" or "timers";

var started = DateTimeOffset.Now;
var header = new StringBuilder();
header.AppendLine($"Machine: {Machine.Describe()}");
header.AppendLine($"Started: {started:yyyy-MM-dd HH:mm:ss zzz}; load average at start: {Machine.Load()}");
header.AppendLine($"Settings: warm-up {settings.Warmup.TotalSeconds:0.#} s, measured {settings.Duration.TotalSeconds:0.#} s per cell; " +
                  $"RuntimeOptions.DetailedJournal = true unless the Journal column says off; logging has no provider (the Log activity's text goes to the journal only).");
Console.WriteLine(header);

var tables = new List<Table>();
await using var servers = new Servers();

if (throughput.Length > 0)
{
    var table = new Table("Throughput: instances (a, b) or cycles (c) per second, Wait = true",
        "Scenario", "Store", "Journal", "Callers", "Ops", "Measured /s", "Target /s", "Ratio", "p50 ms", "p99 ms", "Alloc KB/op", "GC pause %", "CPU %", "/s per CPU-s", "Load", "Errors");
    tables.Add(table);
    async Task Cell(string s, StoreKind kind, bool journal, string? labelSuffix = null, bool discard = false)
    {
        var load = Machine.Load1();
        Console.Write($"  {Scenarios.Describe(s)} on {kind}{(journal ? "" : " (journal off)")}... ");
        var (r, label, callers) = await Scenarios.RunAsync(s, kind, journal, settings, servers, discardJournal: discard).ConfigureAwait(false);
        var target = Scenarios.Target(s, kind);
        Console.WriteLine($"{r.PerSecond:N0}/s p50 {Fmt.Ms(r.Percentile(50))} ms p99 {Fmt.Ms(r.Percentile(99))} ms{(r.Errors > 0 ? $" ERRORS {r.Errors}: {r.FirstError}" : "")}");
        table.Add(Scenarios.Describe(s), label + labelSuffix, journal ? "detailed" : "off", callers.ToString(CultureInfo.InvariantCulture),
            Fmt.N(r.Ops), Fmt.N(r.PerSecond), double.IsNaN(target) ? "—" : "≥ " + Fmt.N(target), Fmt.Ratio(r.PerSecond / target),
            Fmt.Ms(r.Percentile(50)), Fmt.Ms(r.Percentile(99)), Fmt.N(r.AllocPerOpKb, 1), Fmt.N(r.GcPausePercent), Fmt.N(r.CpuPercent),
            Fmt.N(r.Ops / r.ProcessCpuSeconds), Fmt.N(load, 2), r.Errors == 0 ? "0" : $"{r.Errors}: {r.FirstError}");
    }
    foreach (var kind in stores)
    {
        foreach (var s in throughput) await Cell(s, kind, journal: true);
        if (extras && throughput.Contains(Scenarios.Linear)) await Cell(Scenarios.Linear, kind, journal: false);
        if (extras && kind == StoreKind.Memory && throughput.Contains(Scenarios.Linear))
            await Cell(Scenarios.Linear, kind, journal: true, labelSuffix: ", journal not kept (diagnostic)", discard: true);
        if (extras && kind == StoreKind.Postgres && throughput.Contains(Scenarios.Bookmark)) await Cell(Scenarios.Bookmark, StoreKind.PostgresDurable, journal: true);
    }
    table.Notes.Add("Ratio = measured / target; ≥ 1.00× meets the target. — : the brief sets no target for this cell.");
    table.Notes.Add("\"journal not kept (diagnostic)\": the engine writes the detailed journal but the store drops it at commit; not a product setting, it shows what retaining journal objects costs the in-memory store.");
    table.Notes.Add("Latency is per call as seen by one caller (a: one StartAsync; c: StartAsync to the bookmark plus ResumeBookmarkAsync to the end).");
    table.Notes.Add("CPU % is the bench process only (200 % = both cores); PostgreSQL's own processes are not included. Load = 1-minute load average when the cell started. GC pause % = share of wall time the garbage collector held the process's threads.");
    table.Notes.Add("/s per CPU-s = operations per second of CPU the bench process used: what one core delivers when nothing else competes for it (in memory, twice this bounds what the 2 cores can do).");
}

if (runScale)
{
    var table = new Table($"Scale (d): latency with {settings.ScaleVersions:N0} published versions and {settings.ScaleInstances:N0} instances vs a near-empty store (1 caller)",
        "Store", "Measure", "Empty p50 ms", "Empty p99 ms", "Large p50 ms", "Large p99 ms", "Ratio p50", "Ratio p99", "Limit", "Verdict");
    tables.Add(table);
    // The scale test is about the SQL stores' indexes; the in-memory store runs it only when asked by name.
    foreach (var kind in storeArg == "all" ? stores.Where(k => k != StoreKind.Memory).ToArray() : stores) await ScaleBench.RunAsync(kind, settings, servers, table);
    table.Notes.Add("Ratio = large store / near-empty store; the limit applies to the p50 ratio (p99 shown for information).");
    table.Notes.Add("Near-empty store: the definition has 1 version and the store holds 120 instances (so every page listed is as full as on the large store).");
}

if (runTimers)
{
    var table = new Table("Durable timers (e): lateness and due timers resumed per second, one and two nodes",
        "Store", "Nodes", "Case", "Timers", "p50 ms", "p99 ms", "Max ms", "Limit", "Ratio", "Resumed /s", "Peer", "Split", "Lost races", "Errors", "Load", "Note");
    tables.Add(table);
    await TimerBench.RunAsync(stores, servers, table);
}

var finished = DateTimeOffset.Now;
var markdown = new StringBuilder();
markdown.AppendLine("## Benchmark run " + started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).AppendLine();
foreach (var line in header.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) markdown.AppendLine("- " + line.TrimEnd());
markdown.AppendLine($"- Finished: {finished:HH:mm:ss} ({(finished - started).TotalMinutes:0.0} min); load average at end: {Machine.Load()}").AppendLine();
foreach (var table in tables)
{
    Console.Write(table.ToConsole());
    markdown.Append(table.ToMarkdown());
}
outFile ??= Path.Combine("artifacts", "bench", $"bench-{started:yyyyMMdd-HHmmss}.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
await File.WriteAllTextAsync(outFile, markdown.ToString());
Console.WriteLine($"\nLoad average at end: {Machine.Load()}. Markdown written to {Path.GetFullPath(outFile)}");
return 0;
