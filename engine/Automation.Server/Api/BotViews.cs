using Automation.Engine.Bots;
using Automation.Engine.Queues;

namespace Automation.Server.Api;

/// <summary>A bot worker as <c>GET /api/bots</c> shows it: the registry's row (see <see cref="BotWorker"/>) and whether it is online.</summary>
/// <param name="Id">The worker id (the <c>heldBy</c> of its items).</param>
/// <param name="Bot">The bot's name.</param>
/// <param name="Queue">The queue it works.</param>
/// <param name="Pool">Its pool.</param>
/// <param name="Node">The machine it runs on.</param>
/// <param name="Status">idle, working, stopping, stopped or misconfigured.</param>
/// <param name="Error">Why its pool is misconfigured; null otherwise.</param>
/// <param name="ItemId">The item in hand, or null.</param>
/// <param name="ItemReference">That item's reference, or null.</param>
/// <param name="StartedAt">When the worker started.</param>
/// <param name="LastHeartbeat">When it last reported.</param>
/// <param name="ItemsHandled">Attempts it settled since it started.</param>
/// <param name="ItemsFailed">Of those, the failed ones.</param>
/// <param name="Online">True when it is running and reported within three heartbeat intervals.</param>
public sealed record BotWorkerView(
    string Id, string Bot, string Queue, string Pool, string Node, BotWorkerStatus Status, string? Error, string? ItemId, string? ItemReference,
    DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, long ItemsHandled, long ItemsFailed, bool Online)
{
    /// <summary>The view of <paramref name="w"/> at <paramref name="now"/>.</summary>
    public static BotWorkerView Of(BotWorker w, DateTimeOffset now, TimeSpan heartbeatInterval) => new(w.Id, w.Bot, w.Queue, w.Pool, w.Node, w.Status, w.Error,
        w.ItemId, w.ItemReference, w.StartedAt, w.LastHeartbeat, w.ItemsHandled, w.ItemsFailed,
        w.Status is not (BotWorkerStatus.Stopped or BotWorkerStatus.Misconfigured) && now - w.LastHeartbeat <= 3 * heartbeatInterval);
}

/// <summary>What one bot did on one queue in the window.</summary>
/// <param name="Bot">The bot.</param>
/// <param name="Queue">The queue.</param>
/// <param name="Successful">Attempts completed.</param>
/// <param name="ItemsPerHour">Successful attempts ÷ window hours.</param>
/// <param name="Failed">Failed attempts (business and system, including those retried).</param>
public sealed record BotThroughputView(string Bot, string Queue, double ItemsPerHour, long Successful, long Failed);

/// <summary>How many attempts failed on a queue for one reason in the window.</summary>
public sealed record FailureReasonView(string Queue, QueueFailureKind Kind, string? Code, long Count);

/// <summary><c>GET /api/bots/metrics</c>: per bot and queue throughput, and failures by reason, over the last <see cref="Hours"/> hours.</summary>
public sealed record BotMetricsView(int Hours, DateTimeOffset Since, IReadOnlyList<BotThroughputView> Bots, IReadOnlyList<FailureReasonView> FailuresByReason)
{
    /// <summary>Builds the view from the registry's activity counts.</summary>
    public static BotMetricsView Of(int hours, DateTimeOffset since, IReadOnlyList<BotActivity> activity) => new(hours, since,
        [.. activity.GroupBy(a => (a.Bot, a.Queue)).Select(g =>
        {
            var ok = g.Where(a => a.Successful).Sum(a => a.Count);
            return new BotThroughputView(g.Key.Bot, g.Key.Queue, Math.Round((double)ok / hours, 2), ok, g.Where(a => !a.Successful).Sum(a => a.Count));
        }).OrderBy(b => b.Bot, StringComparer.Ordinal).ThenBy(b => b.Queue, StringComparer.Ordinal)],
        ReasonsOf(activity));

    /// <summary>Failed attempts grouped by queue, kind and code, most frequent first.</summary>
    public static IReadOnlyList<FailureReasonView> ReasonsOf(IEnumerable<BotActivity> activity) =>
        [.. activity.Where(a => !a.Successful && a.FailureKind is not null).GroupBy(a => (a.Queue, Kind: a.FailureKind!.Value, a.FailureCode))
            .Select(g => new FailureReasonView(g.Key.Queue, g.Key.Kind, g.Key.FailureCode, g.Sum(a => a.Count)))
            .OrderBy(f => f.Queue, StringComparer.Ordinal).ThenByDescending(f => f.Count).ThenBy(f => f.Code, StringComparer.Ordinal)];
}

/// <summary>A document kept as evidence of an attempt at a queue item (content: <c>GET /api/documents/{documentId}/content</c>).</summary>
public sealed record QueueItemEvidenceView(string DocumentId, string Name, string Kind, string ContentType, int Attempt, DateTimeOffset CreatedAt);
