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
/// Nodes sharing a store split the due timers: each claims a small batch (the instances' leases) before resuming it, so
/// two nodes do not run the same resume; a batch left by a node that died, or a resume that failed, is claimed again
/// when its lease ends (<see cref="RuntimeOptions.LeaseDuration"/>).
/// </summary>
public sealed class TimerLoop(
    IInstanceStore instances, IWorkflowRuntime runtime, DurableTimers timers, TimeProvider clock,
    IOptions<RuntimeOptions> options, ILogger<TimerLoop> logger) : BackgroundService
{
    /// <summary>Resumes run at once on this node.</summary>
    private const int Parallelism = 8;

    /// <summary>
    /// Instances claimed at a time: small, so that a burst of due timers is shared out between nodes batch by batch.
    /// </summary>
    private const int ClaimBatch = Parallelism * 2;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.TimerPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                await Parallel.ForEachAsync(ClaimDueAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                    async (bookmark, ct) => await ResumeAsync(bookmark, ct).ConfigureAwait(false)).ConfigureAwait(false);
                // Every timer due by now is resumed, held by another node, or waiting for its failed claim to end:
                // none of them makes this loop spin.
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

    /// <summary>
    /// Claims due timers batch by batch until none is left to claim. The next batch is claimed while this one is being
    /// handed out, so the resumes never stand waiting for a claim's round trips (that halved one node's rate).
    /// </summary>
    private async IAsyncEnumerable<Model.Bookmark> ClaimDueAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = ClaimAsync(cancellationToken);
        while (true)
        {
            var claimed = await pending.ConfigureAwait(false);
            // Safe to claim ahead: the batch being handed out is leased to this node, so the next claim skips it.
            var more = claimed.Count >= ClaimBatch;
            if (more) pending = ClaimAsync(cancellationToken);
            foreach (var bookmark in claimed) yield return bookmark;
            if (!more) yield break;
        }
    }

    private Task<IReadOnlyList<Model.Bookmark>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A single node holds every lease there is; one held by another owner was this node's previous life.
        var othersEndedBy = options.Value.SingleNode ? DateTimeOffset.MaxValue.AddDays(-1) : now;
        return instances.ClaimDueBookmarksAsync(options.Value.NodeId, now, othersEndedBy, now + options.Value.LeaseDuration, ClaimBatch, cancellationToken);
    }

    private async Task ResumeAsync(Model.Bookmark bookmark, CancellationToken cancellationToken)
    {
        try
        {
            // Null when the bookmark is already gone: resumed by another node, or the instance was cancelled meanwhile.
            await runtime.ResumeBookmarkAsync(bookmark.Id, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The claim stays until its lease ends, so the timer is tried again then (here or on another node), not in a loop.
            logger.LogError(ex, "Could not resume timer {BookmarkId} of instance {InstanceId}", bookmark.Id, bookmark.InstanceId);
        }
    }
}
