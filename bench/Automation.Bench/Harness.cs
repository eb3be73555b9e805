using System.Diagnostics;

namespace Automation.Bench;

/// <summary>What one measured run produced.</summary>
internal sealed record LoadResult(
    long Ops, double Seconds, double[] SortedLatenciesMs, long AllocatedBytes, int Gen0, int Gen1, int Gen2,
    double ProcessCpuSeconds, long Errors, string? FirstError, double GcPauseSeconds)
{
    public double PerSecond => Ops / Seconds;
    public double Percentile(double p) => Harness.Percentile(SortedLatenciesMs, p);
    public double AllocPerOpKb => Ops == 0 ? 0 : AllocatedBytes / 1024.0 / Ops;
    /// <summary>CPU the bench process used, as a percentage of one core (200 % = both cores busy).</summary>
    public double CpuPercent => ProcessCpuSeconds / Seconds * 100;
    /// <summary>Share of the run's wall time during which the garbage collector had the process's threads paused.</summary>
    public double GcPausePercent => GcPauseSeconds / Seconds * 100;
}

/// <summary>Runs an operation from several concurrent callers for a fixed time and records each call's latency.</summary>
internal static class Harness
{
    /// <summary>Warms up, then measures <paramref name="op"/> called in a loop by <paramref name="callers"/> tasks.</summary>
    /// <param name="op">One operation; its argument is the caller's index.</param>
    public static async Task<LoadResult> RunAsync(int callers, TimeSpan warmup, TimeSpan duration, Func<int, Task> op)
    {
        if (warmup > TimeSpan.Zero) await RunOnceAsync(callers, warmup, op, record: false).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return await RunOnceAsync(callers, duration, op, record: true).ConfigureAwait(false);
    }

    private static async Task<LoadResult> RunOnceAsync(int callers, TimeSpan duration, Func<int, Task> op, bool record)
    {
        var latencies = new List<long>[callers];
        long errors = 0;
        string? firstError = null;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: false);
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause0 = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var stopAt = duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        var workers = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            var caller = c;
            var list = latencies[c] = new List<long>(record ? 65536 : 0);
            workers[c] = Task.Run(async () =>
            {
                while (clock.ElapsedTicks < stopAt)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        await op(caller).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        if (Interlocked.Increment(ref errors) == 1) firstError = ex.GetType().Name + ": " + ex.Message;
                        continue;
                    }
                    if (record) list.Add(Stopwatch.GetTimestamp() - t0);
                }
            });
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var alloc = GC.GetTotalAllocatedBytes(precise: false) - alloc0;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var all = latencies.SelectMany(l => l).Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, seconds, all, alloc, GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1,
            GC.CollectionCount(2) - g2, cpu, errors, firstError, (GC.GetTotalPauseDuration() - pause0).TotalSeconds);
    }

    /// <summary>Measures a single caller's latency of <paramref name="op"/> (no concurrency) for a fixed time.</summary>
    public static Task<LoadResult> LatencyAsync(TimeSpan warmup, TimeSpan duration, Func<Task> op) =>
        RunAsync(1, warmup, duration, _ => op());

    /// <summary>The p-th percentile (0..100) of sorted values, nearest-rank.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
