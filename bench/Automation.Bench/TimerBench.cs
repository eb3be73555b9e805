using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bench;

/// <summary>
/// Durable timers (e): precision (commit of the resume minus the due time) and due timers resumed per second, with one
/// node and two nodes on one PostgreSQL database and one node on SQLite. Nodes are engines in this process wired as the
/// server wires them (their own runtime, store connections, timer and recovery loops); they share the two cores as two
/// server processes on this machine would.
/// </summary>
internal static class TimerBench
{
    private const string FlowId = "bench-timer";

    /// <summary>Timers spread evenly over <see cref="PrecisionWindow"/> (well under capacity): how late each fires.</summary>
    private const int PrecisionTimers = 600;
    private static readonly TimeSpan PrecisionWindow = TimeSpan.FromSeconds(6);

    /// <summary>Timers all due at the same instant: how fast the node(s) work through them.</summary>
    private const int BurstTimers = 2000;

    /// <summary>The product's default poll interval: the limit a timer's lateness is compared with.</summary>
    private static readonly TimeSpan PollInterval = new RuntimeOptions().TimerPollInterval;

    public static async Task RunAsync(StoreKind[] stores, Servers servers, Table table)
    {
        var cells = new List<(StoreKind Kind, int Nodes)>();
        if (stores.Contains(StoreKind.Sqlite)) cells.Add((StoreKind.Sqlite, 1));
        if (stores.Contains(StoreKind.Postgres)) { cells.Add((StoreKind.Postgres, 1)); cells.Add((StoreKind.Postgres, 2)); }
        double? postgresOneNode = null;
        foreach (var (kind, nodes) in cells)
        {
            var (label, storage, cleanup) = await servers.CreateStoreAsync(kind).ConfigureAwait(false);
            try
            {
                var log = new ResumeLog();
                var running = new List<TimerNode>();
                try
                {
                    for (var n = 1; n <= nodes; n++)
                        running.Add(await TimerNode.StartAsync($"node-{n}", storage, singleNode: kind == StoreKind.Sqlite, PollInterval, log).ConfigureAwait(false));
                    await PublishAsync(running[0]).ConfigureAwait(false);
                    var callers = kind == StoreKind.Sqlite ? 8 : 16;

                    Console.Write($"  timers on {label}, {nodes} node(s): precision... ");
                    var load = Machine.Load1();
                    var precision = await BatchAsync(running, log, callers, PrecisionTimers, (t0, i) => t0 + PrecisionWindow * i / PrecisionTimers).ConfigureAwait(false);
                    Console.WriteLine($"p50 {Fmt.Ms(precision.Percentile(50))} ms p99 {Fmt.Ms(precision.Percentile(99))} ms");
                    table.Add(label, nodes.ToString(CultureInfo.InvariantCulture), $"precision: {PrecisionTimers} over {PrecisionWindow.TotalSeconds:0} s",
                        Fmt.N(precision.Resumed), Fmt.Ms(precision.Percentile(50)), Fmt.Ms(precision.Percentile(99)), Fmt.Ms(precision.Max),
                        $"poll {PollInterval.TotalMilliseconds:0} ms", Fmt.Ratio(precision.Percentile(99) / PollInterval.TotalMilliseconds),
                        "—", "—", precision.Split, Fmt.N(precision.Lost), Fmt.N(precision.Errors), Fmt.N(load, 2), precision.Note);

                    Console.Write($"  timers on {label}, {nodes} node(s): burst... ");
                    load = Machine.Load1();
                    var burst = await BatchAsync(running, log, callers, BurstTimers, (t0, _) => t0).ConfigureAwait(false);
                    var rate = burst.Resumed / burst.SpanSeconds;
                    string peer = "—", ratio = "—";
                    if (kind == StoreKind.Postgres && nodes == 1) postgresOneNode = rate;
                    if (kind == StoreKind.Postgres && nodes == 2 && postgresOneNode is { } one) { peer = "1 node " + Fmt.N(one); ratio = Fmt.Ratio(rate / one); }
                    Console.WriteLine($"{Fmt.N(rate)}/s p50 {Fmt.Ms(burst.Percentile(50))} ms p99 {Fmt.Ms(burst.Percentile(99))} ms");
                    table.Add(label, nodes.ToString(CultureInfo.InvariantCulture), $"burst: {BurstTimers} due at once",
                        Fmt.N(burst.Resumed), Fmt.Ms(burst.Percentile(50)), Fmt.Ms(burst.Percentile(99)), Fmt.Ms(burst.Max),
                        "—", "—", Fmt.N(rate), peer + (ratio == "—" ? "" : " → " + ratio), burst.Split, Fmt.N(burst.Lost), Fmt.N(burst.Errors), Fmt.N(load, 2), burst.Note);

                    var poll = await PollCostAsync(running[0], singleNode: kind == StoreKind.Sqlite).ConfigureAwait(false);
                    table.Add(label, nodes.ToString(CultureInfo.InvariantCulture), "idle poll (1 node's query per interval)",
                        "—", Fmt.Ms(poll.P50), Fmt.Ms(poll.P99), "—", $"poll {PollInterval.TotalMilliseconds:0} ms",
                        Fmt.Ratio(poll.P50 / PollInterval.TotalMilliseconds), "—", "—", "—", "—", "—", Fmt.N(Machine.Load1(), 2), poll.Note);
                }
                finally
                {
                    foreach (var node in running) await node.DisposeAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                await cleanup().ConfigureAwait(false);
            }
        }
        table.Notes.Add("Lateness = when the resume's commit returned minus the timer's due time (the moment the resume was durable), per timer; p50/p99/max over the batch.");
        table.Notes.Add($"Precision: {PrecisionTimers} timers due evenly over {PrecisionWindow.TotalSeconds:0} s; Ratio = p99 lateness / TimerPollInterval (the product default, {PollInterval.TotalMilliseconds:0} ms): under 1.00× means a timer fires within one poll of its due time.");
        table.Notes.Add($"Burst: {BurstTimers} timers due at the same instant; Resumed /s = timers / (last resume − due time); the 2-node row compares with the 1-node PostgreSQL row of the same run.");
        table.Notes.Add("Instances are started (Wait = true, spread round-robin over the nodes like a load balancer would) before the first due time; Split = timers resumed by each node.");
        table.Notes.Add("Lost races = resumes whose commit found the instance changed by the other node (work done twice, then discarded); Errors = error-level log lines.");
        table.Notes.Add("Idle poll: what one node's timer loop asks the store once per poll interval when nothing is due (the claim of due timers, or on a single node their read, and the next-due query), p50/p99 over 200 polls with the timers of this cell in the store; Ratio = p50 / poll interval, the share of one connection's time.");
    }

    private static WorkflowDefinition Flow()
    {
        var def = new WorkflowDefinition { Id = FlowId, Name = "Bench timer" };
        def.Inputs.Add(new WorkflowParameter { Name = "due", Type = ValueTypes.String, Required = true });
        def.Activities.Add(new ActivityNode { Id = "start", Type = "Start" });
        def.Activities.Add(new ActivityNode { Id = "wait", Type = "Delay", Inputs = { ["until"] = new JsonObject { ["$js"] = "input.due" } } });
        def.Activities.Add(new ActivityNode { Id = "end", Type = "End" });
        def.Connections.Add(new Connection { Source = "start", Target = "wait" });
        def.Connections.Add(new Connection { Source = "wait", Target = "end" });
        return def;
    }

    private static async Task PublishAsync(TimerNode node)
    {
        var definition = Flow();
        var errors = new WorkflowValidator(node.Services.GetRequiredService<ActivityRegistry>()).Validate(definition);
        if (errors.Count > 0) throw new InvalidOperationException($"Bench flow {FlowId} is invalid: {string.Join("; ", errors)}");
        var definitions = node.Services.GetRequiredService<IDefinitionStore>();
        await definitions.SaveDraftAsync(definition, "bench").ConfigureAwait(false);
        await definitions.PublishAsync(FlowId, null, "bench").ConfigureAwait(false);
    }

    private sealed record Batch(double[] SortedLatenciesMs, int Resumed, double SpanSeconds, string Split, long Lost, long Errors, string Note)
    {
        public double Percentile(double p) => Harness.Percentile(SortedLatenciesMs, p);
        public double Max => SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[^1];
    }

    /// <summary>Starts <paramref name="count"/> instances whose timers fall due at <paramref name="dueAt"/>(first due, index) and waits for every resume.</summary>
    private static async Task<Batch> BatchAsync(List<TimerNode> nodes, ResumeLog log, int callers, int count, Func<DateTimeOffset, int, DateTimeOffset> dueAt)
    {
        var lost0 = log.Lost;
        var errors0 = nodes.Sum(n => n.Errors.Count);
        var lead = TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(count / 100.0);
        var first = DateTimeOffset.UtcNow + lead;
        var dues = new DateTimeOffset[count];
        var ids = new string[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                dues[i] = dueAt(first, i);
                var instance = await nodes[i % nodes.Count].Runtime.StartAsync(new StartRequest
                {
                    DefinitionId = FlowId, Wait = true, Input = new JsonObject { ["due"] = dues[i].ToString("O") },
                }).ConfigureAwait(false);
                if (instance.Status != WorkflowStatus.Suspended) throw new InvalidOperationException($"Instance {instance.Id} is {instance.Status}, not waiting on its timer.");
                ids[i] = instance.Id;
            }
        }))).ConfigureAwait(false);
        var created = DateTimeOffset.UtcNow;
        var note = created > first ? $"starting took {(created - first + lead).TotalSeconds:0.0} s, past the first due time" : "";

        var deadline = Stopwatch.StartNew();
        var limit = (dues.Max() - DateTimeOffset.UtcNow) + TimeSpan.FromSeconds(120);
        while (ids.Any(id => !log.Resumed.ContainsKey(id)) && deadline.Elapsed < limit) await Task.Delay(50).ConfigureAwait(false);
        await Task.Delay(PollInterval * 2).ConfigureAwait(false); // let a losing node's late attempts finish and be counted

        var latencies = new List<double>(count);
        var byNode = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = first;
        for (var i = 0; i < count; i++)
        {
            if (!log.Resumed.TryGetValue(ids[i], out var r)) continue;
            latencies.Add((r.At - dues[i]).TotalMilliseconds);
            byNode[r.Node] = byNode.GetValueOrDefault(r.Node) + 1;
            if (r.At > last) last = r.At;
        }
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        if (sorted.Length < count) note = (note.Length > 0 ? note + "; " : "") + $"{count - sorted.Length} NOT RESUMED";
        if (log.Duplicates > 0) note = (note.Length > 0 ? note + "; " : "") + $"{log.Duplicates} RESUMED TWICE";
        var split = string.Join(" / ", nodes.Select(n => Fmt.N(byNode.GetValueOrDefault(n.Name))));
        return new Batch(sorted, sorted.Length, (last - first).TotalSeconds, split, log.Lost - lost0, nodes.Sum(n => n.Errors.Count) - errors0, note);
    }

    /// <summary>Times what an idle timer loop asks the store each poll interval (a single node reads, others claim).</summary>
    private static async Task<(double P50, double P99, string Note)> PollCostAsync(TimerNode node, bool singleNode)
    {
        var store = node.Services.GetRequiredService<IInstanceStore>();
        var times = new double[200];
        for (var i = 0; i < times.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var now = DateTimeOffset.UtcNow;
            var due = singleNode
                ? await store.FindDueBookmarksAsync(node.Name, now, null, 64).ConfigureAwait(false)
                : await store.ClaimDueBookmarksAsync(node.Name, now, now, now + TimeSpan.FromMinutes(1), 16).ConfigureAwait(false);
            await store.GetNextDueAsync(now).ConfigureAwait(false);
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (due.Count > 0) return (double.NaN, double.NaN, "timers still due");
        }
        Array.Sort(times);
        return (Harness.Percentile(times, 50), Harness.Percentile(times, 99), "");
    }
}
