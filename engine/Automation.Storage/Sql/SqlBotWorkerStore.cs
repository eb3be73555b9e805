using Automation.Engine.Bots;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;

namespace Automation.Storage.Sql;

/// <summary>The bot registry in <c>bot_workers</c>; activity is counted from <c>queue_item_events</c>.</summary>
internal sealed class SqlBotWorkerStore(SqlDatabase database) : IBotWorkerStore
{
    private const string Columns = """
        id AS Id, bot AS Bot, queue AS Queue, pool AS Pool, node AS Node, status AS Status, error AS Error, item_id AS ItemId,
        item_reference AS ItemReference, started_at AS StartedAt, last_heartbeat AS LastHeartbeat, items_handled AS ItemsHandled, items_failed AS ItemsFailed
        """;

    /// <remarks>
    /// A lease that ran out has no actor: the step before it (its item's take, by the primary key) names the bot that held it.
    /// </remarks>
    internal const string ActivitySql = """
        SELECT i.queue AS Queue, COALESCE(e.actor, p.actor) AS Actor, e.action AS Action, e.failure_kind AS FailureKind, e.failure_code AS FailureCode,
            COUNT(*) AS Count
        FROM queue_item_events e
        JOIN queue_items i ON i.id = e.item_id
        LEFT JOIN queue_item_events p ON p.item_id = e.item_id AND p.sequence = e.sequence - 1
        WHERE e.at >= @Since AND e.action IN ('completed', 'failed', 'leaseExpired') {0}
        GROUP BY i.queue, COALESCE(e.actor, p.actor), e.action, e.failure_kind, e.failure_code
        """;

    /// <inheritdoc />
    public Task SaveAsync(BotWorker worker, CancellationToken cancellationToken = default)
    {
        BotWorkerChecks.Check(worker);
        return database.ExecuteAsync(
            """
            INSERT INTO bot_workers (id, bot, queue, pool, node, status, error, item_id, item_reference, started_at, last_heartbeat, items_handled, items_failed)
            VALUES (@Id, @Bot, @Queue, @Pool, @Node, @Status, @Error, @ItemId, @ItemReference, @StartedAt, @LastHeartbeat, @ItemsHandled, @ItemsFailed)
            ON CONFLICT (id) DO UPDATE SET bot = excluded.bot, queue = excluded.queue, pool = excluded.pool, node = excluded.node, status = excluded.status,
                error = excluded.error, item_id = excluded.item_id, item_reference = excluded.item_reference, started_at = excluded.started_at,
                last_heartbeat = excluded.last_heartbeat, items_handled = excluded.items_handled, items_failed = excluded.items_failed
            """,
            new
            {
                worker.Id, worker.Bot, worker.Queue, worker.Pool, worker.Node, Status = worker.Status.ToString(), worker.Error, worker.ItemId,
                worker.ItemReference, StartedAt = StoreTime.ToUnixMs(worker.StartedAt), LastHeartbeat = StoreTime.ToUnixMs(worker.LastHeartbeat),
                worker.ItemsHandled, worker.ItemsFailed,
            }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BotWorker>> ListAsync(CancellationToken cancellationToken = default) =>
        (await database.QueryAsync<Row>($"SELECT {Columns} FROM bot_workers ORDER BY bot, queue, id", null, cancellationToken).ConfigureAwait(false))
        .Select(r => r.ToModel()).ToList();

    /// <inheritdoc />
    /// <remarks>No index: the registry holds a row per worker per host start, a few thousand at most, and this runs hourly.</remarks>
    public Task<int> RemoveReportedBeforeAsync(DateTimeOffset reportedBefore, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("DELETE FROM bot_workers WHERE last_heartbeat < @Before", new { Before = StoreTime.ToUnixMs(reportedBefore) }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<BotActivity>> GetActivityAsync(DateTimeOffset since, string? queue = null, CancellationToken cancellationToken = default)
    {
        // No "@Queue IS NULL" test: PostgreSQL cannot type an untyped null parameter.
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ActivitySql, queue is null ? "" : "AND i.queue = @Queue");
        var rows = await database.QueryAsync<ActivityRow>(sql, new { Since = StoreTime.ToUnixMs(since), Queue = queue }, cancellationToken)
            .ConfigureAwait(false);
        return rows.Where(r => r.Actor is not null)
            .GroupBy(r => (r.Queue, Bot: BotWorkerChecks.BotOf(r.Actor!), Successful: r.Action == QueueItemActions.Completed,
                Kind: r.Action == QueueItemActions.Completed ? null : r.FailureKind, Code: r.Action == QueueItemActions.Completed ? null : r.FailureCode))
            .Select(g => new BotActivity(g.Key.Queue, g.Key.Bot, g.Key.Successful, g.Key.Kind is null ? null : Enum.Parse<QueueFailureKind>(g.Key.Kind),
                g.Key.Code, g.Sum(r => r.Count)))
            .OrderBy(a => a.Queue, StringComparer.Ordinal).ThenBy(a => a.Bot, StringComparer.Ordinal).ToList();
    }

    private sealed class ActivityRow
    {
        public string Queue { get; set; } = "";
        public string? Actor { get; set; }
        public string Action { get; set; } = "";
        public string? FailureKind { get; set; }
        public string? FailureCode { get; set; }
        public long Count { get; set; }
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Bot { get; set; } = "";
        public string Queue { get; set; } = "";
        public string Pool { get; set; } = "";
        public string Node { get; set; } = "";
        public string Status { get; set; } = "";
        public string? Error { get; set; }
        public string? ItemId { get; set; }
        public string? ItemReference { get; set; }
        public long StartedAt { get; set; }
        public long LastHeartbeat { get; set; }
        public long ItemsHandled { get; set; }
        public long ItemsFailed { get; set; }

        public BotWorker ToModel() => new()
        {
            Id = Id, Bot = Bot, Queue = Queue, Pool = Pool, Node = Node, Status = Enum.Parse<BotWorkerStatus>(Status), Error = Error, ItemId = ItemId,
            ItemReference = ItemReference, StartedAt = StoreTime.FromUnixMs(StartedAt), LastHeartbeat = StoreTime.FromUnixMs(LastHeartbeat),
            ItemsHandled = ItemsHandled, ItemsFailed = ItemsFailed,
        };
    }
}
