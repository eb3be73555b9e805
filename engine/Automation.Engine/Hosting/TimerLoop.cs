using System.Collections.Concurrent;
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
/// when its lease ends (<see cref="RuntimeOptions.LeaseDuration"/>). A single node (<see cref="RuntimeOptions.SingleNode"/>)
/// has no one to split with: it reads the due timers without claiming them, because a claim writes every instance once
/// more (on SQLite through its one writer, before the resume writes it again), and it waits as long before trying a
/// failed resume again.
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

    /// <summary>Due timers read at a time by a single node: a read takes no lock and writes nothing, so pages can be larger.</summary>
    private const int FindBatch = 64;

    /// <summary>
    /// A single node's failed resumes and when to try each again. The claim path gets the same wait from the lease it
    /// took; without it a failing timer would be tried (and logged) on every pass.
    /// </summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retryAt = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.TimerPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var due = options.Value.SingleNode ? FindDueAsync(now, stoppingToken) : ClaimDueAsync(stoppingToken);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                    async (bookmark, ct) => await ResumeAsync(bookmark, ct).ConfigureAwait(false)).ConfigureAwait(false);
                // Every timer due by now is resumed, held by another node, or waiting for its failed claim (or, on a
                // single node, its retry time) to end: none of them makes this loop spin.
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
        return instances.ClaimDueBookmarksAsync(options.Value.NodeId, now, now, now + options.Value.LeaseDuration, ClaimBatch, cancellationToken);
    }

    /// <summary>
    /// A single node's pass: every timer due by <paramref name="now"/>, read page by page without a claim (the next page
    /// is read while this one is handed out), except those whose failed resume waits to be tried again. Paging after the
    /// last bookmark read visits each due timer once, so timers that stay due (failed, or held back) never fill a page.
    /// </summary>
    private async IAsyncEnumerable<Model.Bookmark> FindDueAsync(DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A failed timer whose wait is over is tried in this pass; one that is gone (resumed, cancelled) is forgotten.
        foreach (var (id, retryAt) in _retryAt)
        {
            if (retryAt <= now) _retryAt.TryRemove(id, out _);
        }

        var pending = instances.FindDueBookmarksAsync(options.Value.NodeId, now, null, FindBatch, cancellationToken);
        while (true)
        {
            var page = await pending.ConfigureAwait(false);
            var more = page.Count >= FindBatch;
            if (more) pending = instances.FindDueBookmarksAsync(options.Value.NodeId, now, page[^1], FindBatch, cancellationToken);
            foreach (var bookmark in page)
            {
                if (!_retryAt.ContainsKey(bookmark.Id)) yield return bookmark;
            }

            if (!more) yield break;
        }
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
            // The claim stays until its lease ends, so the timer is tried again then (here or on another node), not in a
            // loop; a single node, which took no claim, waits as long.
            if (options.Value.SingleNode) _retryAt[bookmark.Id] = clock.GetUtcNow() + options.Value.LeaseDuration;
            logger.LogError(ex, "Could not resume timer {BookmarkId} of instance {InstanceId}", bookmark.Id, bookmark.InstanceId);
        }
    }
}
