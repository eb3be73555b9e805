using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;

namespace Automation.Bench;

/// <summary>
/// Single-thread CPU cost of the pieces of an in-memory start, measured with the thread's CPU clock in batches; the
/// fastest batches are reported because other processes on the machine only ever make a batch slower.
/// </summary>
internal static class Micro
{
    public static async Task RunAsync(Settings settings)
    {
        foreach (var journal in new[] { true, false })
        {
            await using var engine = await Engine.CreateAsync(StoreKind.Memory, journal, new Servers()).ConfigureAwait(false);
            await engine.PublishAsync(Flows.Linear()).ConfigureAwait(false);
            await engine.PublishAsync(Flows.Signal()).ConfigureAwait(false);
            var request = new StartRequest { DefinitionId = Flows.LinearId, Wait = true };
            var finished = await engine.Runtime.StartAsync(request).ConfigureAwait(false);
            var suspended = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = Flows.SignalId, Wait = true }).ConfigureAwait(false);
            Console.WriteLine($"Journal {(journal ? "detailed" : "off")}:");
            Measure("StartAsync, linear flow (whole)", settings, () => engine.Runtime.StartAsync(request).GetAwaiter().GetResult());
            Measure("  IDefinitionStore.GetPublishedAsync", settings, () => engine.Definitions.GetPublishedAsync(Flows.LinearId).GetAwaiter().GetResult());
            Measure("  IInstanceStore.GetAsync (finished)", settings, () => engine.Instances.GetAsync(finished.Id).GetAwaiter().GetResult());
            Measure("  IInstanceStore.GetAsync (suspended)", settings, () => engine.Instances.GetAsync(suspended.Id).GetAwaiter().GetResult());
            var linearJournal = await engine.Instances.GetJournalAsync(finished.Id).ConfigureAwait(false);
            Console.WriteLine($"  journal entries per linear instance: {linearJournal.Count}, " +
                              $"{System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(linearJournal, Automation.Engine.Serialization.EngineJson.Options).Length:N0} bytes as JSON");
            Measure("  serialize that journal (System.Text.Json)", settings, () => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(linearJournal, Automation.Engine.Serialization.EngineJson.Options));
            Measure("  serialize the finished instance", settings, () => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(finished, Automation.Engine.Serialization.EngineJson.Options));
        }
    }

    private static void Measure(string name, Settings settings, Action op)
    {
        const int batch = 50;
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1)) op();
        var batches = new List<double>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var pause0 = GC.GetTotalPauseDuration();
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        long ops = 0;
        while (clock.Elapsed < settings.Duration / 2)
        {
            var c0 = ThreadCpu.Nanoseconds();
            for (var i = 0; i < batch; i++) op();
            batches.Add((ThreadCpu.Nanoseconds() - c0) / 1000.0 / batch);
            ops += batch;
        }
        var alloc = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / 1024.0 / ops;
        var pauseUs = (GC.GetTotalPauseDuration() - pause0).TotalMicroseconds / ops;
        var gcs = $"GC {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, pause {pauseUs:N1} µs/op";
        batches.Sort();
        Console.WriteLine($"  {name,-40} min {batches[0],8:N1} µs  p10 {batches[batches.Count / 10],8:N1} µs  median {batches[batches.Count / 2],8:N1} µs  {alloc,6:N1} KB/op  {ops,7:N0} ops  {gcs}");
    }
}
