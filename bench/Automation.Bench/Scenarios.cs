using System.Diagnostics;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;

namespace Automation.Bench;

/// <summary>Settings of one suite run.</summary>
internal sealed record Settings
{
    // 5 s, not 2: tiered compilation (with dynamic PGO) is still recompiling the hot paths after 2 s, and the
    // first in-memory cell of a run read 13k/s after a 2 s warm-up against 23k/s after 5 s on a quiet machine.
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int ScaleInstances { get; init; } = 200_000;
    public int ScaleVersions { get; init; } = 1_000;
    /// <summary>Concurrent callers per store (null: the default for the store).</summary>
    public int? Callers { get; init; }

    public int CallersFor(StoreKind kind) => Callers ?? kind switch
    {
        StoreKind.Memory => 4,
        StoreKind.Sqlite => 8,
        _ => 16,
    };
}

/// <summary>The throughput scenarios (a), (b), (c).</summary>
internal static class Scenarios
{
    public const string Linear = "linear";
    public const string ForEach = "foreach";
    public const string Bookmark = "bookmark";

    /// <summary>What a scenario must reach, in operations per second, on a store (NaN: no target set).</summary>
    public static double Target(string scenario, StoreKind kind) => (scenario, kind) switch
    {
        (Linear, StoreKind.Memory) => 20_000,
        (Bookmark, StoreKind.Sqlite) => 2_000,
        (Bookmark, StoreKind.Postgres or StoreKind.PostgresDurable) => 1_000,
        _ => double.NaN,
    };

    public static string Describe(string scenario) => scenario switch
    {
        Linear => "(a) linear, 10 activities",
        ForEach => "(b) ForEach × 100",
        Bookmark => "(c) start→bookmark→resume",
        _ => scenario,
    };

    /// <summary>Runs one scenario on a fresh store and returns the measurement.</summary>
    public static async Task<(LoadResult Result, string StoreLabel, int Callers)> RunAsync(
        string scenario, StoreKind kind, bool detailedJournal, Settings settings, Servers servers, int? callers = null, bool discardJournal = false)
    {
        await using var engine = await Engine.CreateAsync(kind, detailedJournal, servers, discardJournal: discardJournal).ConfigureAwait(false);
        var op = await PrepareAsync(scenario, engine).ConfigureAwait(false);
        var n = callers ?? settings.CallersFor(kind);
        var result = await Harness.RunAsync(n, settings.Warmup, settings.Duration, op).ConfigureAwait(false);
        return (result, engine.StoreLabel, n);
    }

    /// <summary>Runs one scenario with the store calls timed, and prints where each operation's time goes.</summary>
    public static async Task ProfileAsync(string scenario, StoreKind kind, bool detailedJournal, Settings settings, Servers servers)
    {
        await using var engine = await Engine.CreateAsync(kind, detailedJournal, servers, timed: true).ConfigureAwait(false);
        var op = await PrepareAsync(scenario, engine).ConfigureAwait(false);
        var n = settings.Callers ?? 1;
        if (n == 1 && kind is StoreKind.Memory or StoreKind.Sqlite)
        {
            // In memory every call completes synchronously: run on this thread and count its CPU time, which other
            // processes competing for the cores do not inflate.
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < settings.Warmup) await op(0).ConfigureAwait(false);
            GC.Collect();
            StoreTimings.Reset();
            long ops = 0;
            var alloc0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = ThreadCpu.Nanoseconds();
            deadline.Restart();
            // Batches of 50: the fastest batches show the cost without interference from other processes.
            var batches = new List<double>();
            while (deadline.Elapsed < settings.Duration)
            {
                var b0 = ThreadCpu.Nanoseconds();
                for (var i = 0; i < 50; i++) op(0).GetAwaiter().GetResult();
                batches.Add((ThreadCpu.Nanoseconds() - b0) / 1000.0 / 50);
                ops += 50;
            }
            batches.Sort();
            var cpuUs = (ThreadCpu.Nanoseconds() - cpu0) / 1000.0 / ops;
            Console.WriteLine($"  CPU µs/op by batch of 50: min {batches[0]:N1}, p10 {batches[batches.Count / 10]:N1}, median {batches[batches.Count / 2]:N1}");
            var allocKb = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / 1024.0 / ops;
            Console.WriteLine($"{Describe(scenario)} on {engine.StoreLabel}, journal {(detailedJournal ? "detailed" : "off")}, 1 thread: {ops:N0} ops, " +
                              $"{cpuUs:N1} µs CPU/op (= {1e6 / cpuUs:N0}/s per core), {allocKb:N1} KB allocated/op, wall {deadline.Elapsed.TotalSeconds * 1e6 / ops:N1} µs/op");
            double storeCpu = 0;
            foreach (var (name, calls, _, cpuMs) in StoreTimings.Snapshot())
            {
                storeCpu += cpuMs;
                Console.WriteLine($"  {name,-20} {calls / (double)ops,6:0.00} calls/op {cpuMs / ops * 1000,9:N1} µs CPU/op  {cpuMs * 1000 / ops / cpuUs * 100,5:0.0} %");
            }
            Console.WriteLine($"  {"engine (the rest)",-20} {"",6}          {cpuUs - storeCpu * 1000 / ops,9:N1} µs CPU/op  {(cpuUs - storeCpu * 1000 / ops) / cpuUs * 100,5:0.0} %");
            return;
        }
        await Harness.RunAsync(n, TimeSpan.Zero, settings.Warmup, op).ConfigureAwait(false);
        StoreTimings.Reset();
        var r = await Harness.RunAsync(n, TimeSpan.Zero, settings.Duration, op).ConfigureAwait(false);
        Console.WriteLine($"{Describe(scenario)} on {engine.StoreLabel}, journal {(detailedJournal ? "detailed" : "off")}, {n} caller(s): " +
                          $"{r.PerSecond:N0}/s, mean {r.Seconds * n / Math.Max(1, r.Ops) * 1e6:N0} µs/op, p50 {Fmt.Ms(r.Percentile(50))} ms, p99 {Fmt.Ms(r.Percentile(99))} ms, " +
                          $"{r.AllocPerOpKb:N1} KB/op, CPU {r.CpuPercent:N0} %, GCs {r.Gen0}/{r.Gen1}/{r.Gen2}, errors {r.Errors} {r.FirstError}");
        var wall = r.Seconds * n * 1000;
        double store = 0;
        foreach (var (name, calls, ms, _) in StoreTimings.Snapshot())
        {
            store += ms;
            Console.WriteLine($"  {name,-20} {calls / (double)r.Ops,6:0.00} calls/op {ms / r.Ops * 1000,9:N1} µs/op  {ms / wall * 100,5:0.0} % of callers' time");
        }
        Console.WriteLine($"  {"outside the store",-20} {"",6}          {(wall - store) / r.Ops * 1000,9:N1} µs/op  {(wall - store) / wall * 100,5:0.0} %");
    }

    /// <summary>Publishes the scenario's flow and returns one operation of it.</summary>
    public static async Task<Func<int, Task>> PrepareAsync(string scenario, Engine engine)
    {
        var runtime = engine.Runtime;
        switch (scenario)
        {
            case Linear:
                await engine.PublishAsync(Flows.Linear()).ConfigureAwait(false);
                var linear = new StartRequest { DefinitionId = Flows.LinearId, Wait = true };
                return async _ =>
                {
                    var instance = await runtime.StartAsync(linear).ConfigureAwait(false);
                    Expect(instance, WorkflowStatus.Finished);
                };
            case ForEach:
                await engine.PublishAsync(Flows.ForEach()).ConfigureAwait(false);
                var loop = new StartRequest { DefinitionId = Flows.ForEachId, Wait = true };
                return async _ =>
                {
                    var instance = await runtime.StartAsync(loop).ConfigureAwait(false);
                    Expect(instance, WorkflowStatus.Finished);
                };
            case Bookmark:
                await engine.PublishAsync(Flows.Signal()).ConfigureAwait(false);
                var start = new StartRequest { DefinitionId = Flows.SignalId, Wait = true };
                return async _ =>
                {
                    var suspended = await runtime.StartAsync(start).ConfigureAwait(false);
                    Expect(suspended, WorkflowStatus.Suspended);
                    var bookmark = suspended.State.Bookmarks[0].Id;
                    var resumed = await runtime.ResumeBookmarkAsync(bookmark, new JsonObject { ["approved"] = true }).ConfigureAwait(false);
                    Expect(resumed, WorkflowStatus.Finished);
                };
            default:
                throw new ArgumentException($"Unknown scenario '{scenario}'.");
        }
    }

    private static void Expect(WorkflowInstance? instance, WorkflowStatus status)
    {
        if (instance is null) throw new InvalidOperationException("The bookmark was not resumed.");
        if (instance.Status != status)
            throw new InvalidOperationException($"Instance {instance.Id} is {instance.Status}, expected {status}: {instance.FaultMessage}");
    }
}
