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
/// </summary>
public sealed class TimerLoop(
    IInstanceStore instances, IWorkflowRuntime runtime, DurableTimers timers, TimeProvider clock,
    IOptions<RuntimeOptions> options, ILogger<TimerLoop> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.TimerPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var due = await instances.FindDueBookmarksAsync(now, 200, stoppingToken).ConfigureAwait(false);
                var resumed = 0;
                if (due.Count > 0)
                {
                    await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
                        async (bookmark, ct) =>
                        {
                            if (await ResumeAsync(bookmark, ct).ConfigureAwait(false)) Interlocked.Increment(ref resumed);
                        }).ConfigureAwait(false);
                    if (resumed == due.Count && due.Count == 200) continue;
                }
                var next = await instances.GetNextDueAsync(stoppingToken).ConfigureAwait(false);
                var until = now + poll;
                // A due timer that could not be resumed is retried on the next poll, not in a busy loop.
                if (next is { } n && n < until && resumed == due.Count) until = n;
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

    private async Task<bool> ResumeAsync(Model.Bookmark bookmark, CancellationToken cancellationToken)
    {
        try
        {
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
