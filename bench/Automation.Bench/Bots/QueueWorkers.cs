using System.Collections.Concurrent;
using System.Diagnostics;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Queues;

namespace Automation.Bench.Bots;

/// <summary>
/// N workers over one queue, as the bot host runs a pool: each takes the next item (as its own worker id), handles it
/// with <see cref="ItemRunner"/>, and settles it (returned: Complete; BusinessException: Fail business; anything
/// else: Fail system). A worker stops when the queue has nothing left to take.
/// </summary>
internal static class QueueWorkers
{
    public sealed record Outcome(int Successful, int Failed, int Wrong, double Seconds, List<double> ItemMs, string? FirstError);

    public static async Task<Outcome> DrainAsync(IWorkQueueStore store, string queue, ItemRunner runner, BotCase botCase, int workers)
    {
        var itemMs = new ConcurrentBag<double>();
        int successful = 0, failed = 0, wrong = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, workers).Select(n => Task.Run(async () =>
        {
            var worker = $"{botCase.Bot.Name}@bench#{n}";
            while (await store.TakeNextAsync(queue, worker, DateTimeOffset.UtcNow).ConfigureAwait(false) is { } item)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var output = await runner.RunAsync(item, worker).ConfigureAwait(false);
                    await store.CompleteAsync(item.Id, worker, output, DateTimeOffset.UtcNow).ConfigureAwait(false);
                    Interlocked.Increment(ref successful);
                    if (!botCase.IsRight(output)) Interlocked.Increment(ref wrong);
                }
                catch (Exception e)
                {
                    var kind = e is BusinessException ? QueueFailureKind.Business : QueueFailureKind.System;
                    await store.FailAsync(item.Id, worker, kind, e.Message, DateTimeOffset.UtcNow).ConfigureAwait(false);
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{kind}: {e.Message}", null);
                }
                itemMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);
        return new Outcome(successful, failed, wrong, watch.Elapsed.TotalSeconds, [.. itemMs], firstError);
    }
}
