using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Hosting;

/// <summary>
/// Resumes bookmarks whose due time has come (Delay, retry backoff). Sleeps until the earliest due time, or the poll
/// interval, or until a commit wakes it for an earlier timer. A timer fires after a restart because it is a stored bookmark.
/// Nodes sharing a store split the due timers: each claims a small batch (the instances' leases) before resuming it,
/// so two nodes do not run the same resume, and a batch left by a node that died is claimed again when its lease ends.
/// </summary>
public sealed class TimerLoop(
    IInstanceStore instances, IWorkflowRuntime runtime, DurableTimers timers, TimeProvider clock,
    IOptions<RuntimeOptions> options, ILogger<TimerLoop> logger) : BackgroundService
{
    /// <summary>Resumes run at once on this node.</summary>
    private const int Parallelism = 8;

    /// <summary>
    /// Instances claimed at a time: small, so that a burst of due timers is shared out between nodes batch by batch
    /// and a claim never outlives the lease while its batch waits for a free slot.
    /// </summary>
    private const int ClaimBatch = Parallelism * 2;

    /// <summary>The longest a timer whose resume keeps failing waits between attempts.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Timers whose resume failed, and when to try again. Without it the earliest due timers, failing each time, would
    /// fill every claimed batch and starve the rest.
    /// </summary>
    private readonly Dictionary<string, (DateTimeOffset RetryAt, int Failures)> _failing = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.TimerPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                // A single node holds every lease there is; one held by another owner was this node's previous life.
                var leasesEndedBy = options.Value.SingleNode ? DateTimeOffset.MaxValue.AddDays(-1) : now;
                var waiting = _failing.Count(f => f.Value.RetryAt > now);
                var claimed = await instances.ClaimDueBookmarksAsync(options.Value.NodeId, now, leasesEndedBy, now + options.Value.LeaseDuration,
                    ClaimBatch + waiting, stoppingToken).ConfigureAwait(false);
                ForgetGone(claimed, now);
                var due = claimed.Where(b => !_failing.TryGetValue(b.Id, out var f) || f.RetryAt <= now).ToList();
                var failed = 0;
                if (due.Count > 0)
                {
                    var results = new bool[due.Count];
                    await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                        async (i, ct) => results[i] = await ResumeAsync(due[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
                    for (var i = 0; i < due.Count; i++)
                    {
                        if (results[i]) { _failing.Remove(due[i].Id); continue; }
                        failed++;
                        var failures = _failing.TryGetValue(due[i].Id, out var f) ? f.Failures + 1 : 1;
                        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, poll.Ticks * (1L << Math.Min(failures, 20))));
                        _failing[due[i].Id] = (clock.GetUtcNow() + delay, failures);
                    }
                    // A full batch all resumed: more may be due now. (A smaller one means every due timer that no other node holds was taken.)
                    if (failed == 0 && due.Count >= ClaimBatch) continue;
                }
                // Timers due by now are claimed (by this node or another) or waiting to be retried, so neither makes this loop spin.
                var next = await instances.GetNextDueAsync(now, stoppingToken).ConfigureAwait(false);
                var until = now + poll;
                if (next is { } n && n < until) until = n;
                await timers.SleepAsync(until, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Timer loop failed; retrying in {Poll}", poll);
                try { await Task.Delay(poll, clock, stoppingToken).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Drops failing timers that are no longer due here (resumed elsewhere, cancelled) once their retry time has passed.</summary>
    private void ForgetGone(IReadOnlyList<Model.Bookmark> claimed, DateTimeOffset now)
    {
        if (_failing.Count == 0) return;
        var present = claimed.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _failing.Where(f => f.Value.RetryAt <= now && !present.Contains(f.Key)).Select(f => f.Key).ToList()) _failing.Remove(id);
    }

    /// <summary>Resumes one timer; false (and logged) when it failed and should be tried again later.</summary>
    private async Task<bool> ResumeAsync(Model.Bookmark bookmark, CancellationToken cancellationToken)
    {
        try
        {
            // Null when the bookmark is already gone: resumed by another node, or the instance was cancelled meanwhile.
            await runtime.ResumeBookmarkAsync(bookmark.Id, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not resume timer {BookmarkId} of instance {InstanceId}", bookmark.Id, bookmark.InstanceId);
            return false;
        }
    }
}
