using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Storage.Sql.Rows;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>
/// Work queues in a SQL database. Every change to an item loads it locked (PostgreSQL: FOR UPDATE; SQLite: its single
/// writer), applies the shared <see cref="QueueItemTransitions"/> rule and writes the row and its history event in one
/// transaction. Takers pick their item with the dialect's SKIP LOCKED, so concurrent bots never wait on or share one.
/// </summary>
internal sealed class SqlWorkQueueStore(SqlDatabase database) : IWorkQueueStore
{
    /// <summary>The next takeable item of a queue, in take order; {0} is the dialect's <see cref="SqlDialect.SkipLocked"/>.</summary>
    internal const string TakeNextSql = """
        SELECT id FROM queue_items
        WHERE queue = @Queue AND status = 'New' AND (postpone_until IS NULL OR postpone_until <= @Now)
        ORDER BY deadline_group, priority, deadline, created_at, id LIMIT 1{0}
        """;

    internal const string ExpiredLeasesSql = "SELECT id FROM queue_items WHERE status = 'InProgress' AND lease_until <= @Now ORDER BY lease_until LIMIT @Limit{0}";

    /// <remarks>A subquery rather than a join, so that PostgreSQL's row lock takes the items only, never the queue's row.</remarks>
    internal const string StaleSql = """
        SELECT id FROM queue_items i
        WHERE status = 'InProgress' AND started_at <= @Now - (SELECT q.abandon_after_ms FROM work_queues q WHERE q.name = i.queue)
        ORDER BY started_at LIMIT @Limit{0}
        """;

    private const string InsertItemSql = """
        INSERT INTO queue_items (id, queue, reference, priority, deadline, deadline_group, postpone_until, data, status, failure_kind, failure_reason, failure_code,
            attempts, output, held_by, lease_until, created_at, started_at, completed_at, updated_at, version)
        VALUES (@Id, @Queue, @Reference, @Priority, @Deadline, @DeadlineGroup, @PostponeUntil, @Data, @Status, @FailureKind, @FailureReason, @FailureCode,
            @Attempts, @Output, @HeldBy, @LeaseUntil, @CreatedAt, @StartedAt, @CompletedAt, @UpdatedAt, @Version)
        ON CONFLICT DO NOTHING
        """;

    private const string UpdateItemSql = """
        UPDATE queue_items SET status = @Status, failure_kind = @FailureKind, failure_reason = @FailureReason, failure_code = @FailureCode, attempts = @Attempts,
            output = @Output, held_by = @HeldBy, lease_until = @LeaseUntil, started_at = @StartedAt, completed_at = @CompletedAt,
            updated_at = @UpdatedAt, version = @Version
        WHERE id = @Id
        """;

    private const string InsertEventSql = """
        INSERT INTO queue_item_events (item_id, sequence, at, action, status, actor, message, failure_kind, failure_code)
        VALUES (@ItemId, @Sequence, @At, @Action, @Status, @Actor, @Message, @FailureKind, @FailureCode)
        """;

    /// <summary>How many expired or stale items one maintenance pass handles (the next pass takes the rest).</summary>
    private const int MaintenanceBatch = 200;

    /// <inheritdoc />
    public async Task<WorkQueue> SaveQueueAsync(WorkQueue queue, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        WorkQueueChecks.CheckQueue(queue);
        var at = StoreTime.ToUnixMs(now);
        await database.ExecuteAsync(
            """
            INSERT INTO work_queues (name, description, duplicate_policy, max_attempts, abandon_after_ms, lease_ms, data_schema, default_sla_ms, created_at, updated_at)
            VALUES (@Name, @Description, @DuplicatePolicy, @MaxAttempts, @AbandonAfterMs, @LeaseMs, @DataSchema, @DefaultSlaMs, @At, @At)
            ON CONFLICT (name) DO UPDATE SET description = excluded.description, duplicate_policy = excluded.duplicate_policy,
                max_attempts = excluded.max_attempts, abandon_after_ms = excluded.abandon_after_ms, lease_ms = excluded.lease_ms,
                data_schema = excluded.data_schema, default_sla_ms = excluded.default_sla_ms, updated_at = excluded.updated_at
            """,
            new
            {
                queue.Name, queue.Description, DuplicatePolicy = queue.DuplicatePolicy.ToString(), queue.MaxAttempts,
                AbandonAfterMs = (long)queue.AbandonAfter.TotalMilliseconds, LeaseMs = (long)queue.LeaseDuration.TotalMilliseconds,
                DataSchema = StoredJson.WriteObject(queue.DataSchema), DefaultSlaMs = queue.DefaultSla is { } sla ? (long?)sla.TotalMilliseconds : null, At = at,
            }, cancellationToken).ConfigureAwait(false);
        return (await GetQueueAsync(queue.Name, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<WorkQueue?> GetQueueAsync(string name, CancellationToken cancellationToken = default) =>
        (await database.QueryFirstAsync<WorkQueueRow>($"SELECT {WorkQueueRow.Columns} FROM work_queues WHERE name = @Name", new { Name = name }, cancellationToken)
            .ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkQueue>> ListQueuesAsync(CancellationToken cancellationToken = default) =>
        (await database.QueryAsync<WorkQueueRow>($"SELECT {WorkQueueRow.Columns} FROM work_queues ORDER BY name", null, cancellationToken).ConfigureAwait(false))
        .Select(r => r.ToModel()).ToList();

    /// <inheritdoc />
    public async Task<AddItemsResult> AddItemsAsync(string queue, IReadOnlyList<NewQueueItem> items, string? actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var q = await GetQueueAsync(queue, cancellationToken).ConfigureAwait(false) ?? throw new WorkQueueNotFoundException(queue);
        var errors = WorkQueueChecks.CheckItems(q, items);
        if (errors.Count > 0) throw new QueueItemDataInvalidException(queue, errors);
        var repeated = WorkQueueChecks.RepeatedReferences(items);
        if (repeated.Count > 0 && q.DuplicatePolicy == DuplicateReferencePolicy.Reject) throw new DuplicateQueueItemException(queue, repeated);

        var references = items.Where(i => i.Reference is not null).Select(i => i.Reference!).Distinct(StringComparer.Ordinal).ToArray();
        return await database.WriteAsync(async (connection, transaction) =>
        {
            if (q.DuplicatePolicy == DuplicateReferencePolicy.Reject && references.Length > 0)
            {
                var held = new List<string>();
                foreach (var chunk in references.Chunk(500))
                {
                    held.AddRange(await connection.QueryAsync<string>(new CommandDefinition(
                        $"SELECT reference FROM queue_items WHERE queue = @Queue AND status <> 'Deleted' AND reference {database.Dialect.InList("References")}",
                        new { Queue = queue, References = chunk }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false));
                }

                if (held.Count > 0) throw new DuplicateQueueItemException(queue, [.. references.Where(held.Contains)]);
            }

            var added = new List<QueueItem>();
            var ignored = new List<string>();
            foreach (var item in items)
            {
                var (created, e) = QueueItemTransitions.Add(q, item, Guid.NewGuid().ToString("N"), actor, now);
                // The partial unique index on (queue, reference) decides: also against another node adding the same reference now.
                if (await connection.ExecuteAsync(new CommandDefinition(InsertItemSql, QueueItemRow.Parameters(created), transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
                {
                    if (q.DuplicatePolicy == DuplicateReferencePolicy.Reject) throw new DuplicateQueueItemException(queue, [item.Reference ?? created.Id]);
                    ignored.Add(item.Reference!);
                    continue;
                }

                await InsertEventAsync(connection, transaction, e, cancellationToken).ConfigureAwait(false);
                added.Add(created);
            }

            return new AddItemsResult(added, ignored);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<QueueItem?> TakeNextAsync(string queue, string bot, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var q = await GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        if (q is null) return null;
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, TakeNextSql, database.Dialect.SkipLocked);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var id = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(sql, new { Queue = queue, Now = StoreTime.ToUnixMs(now) }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (id is null) return null;
            var item = await LoadAsync(connection, transaction, id, lockRow: false, cancellationToken).ConfigureAwait(false);
            return item is null ? null : (await SaveAsync(connection, transaction, item, q, QueueItemTransitions.Take(bot, now), cancellationToken).ConfigureAwait(false))?.Item;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<QueueItemChange?> HeartbeatAsync(string itemId, string bot, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Heartbeat(bot, now), cancellationToken);

    /// <inheritdoc />
    public Task<QueueItemChange?> CompleteAsync(string itemId, string bot, JsonObject? output, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Complete(bot, output, now), cancellationToken);

    /// <inheritdoc />
    public Task<QueueItemChange?> FailAsync(string itemId, string bot, QueueFailureKind kind, string reason, string? code, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Fail(bot, kind, reason, now, code), cancellationToken);

    /// <inheritdoc />
    public Task<QueueItemChange?> ReleaseAsync(string itemId, string bot, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Release(bot, now), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueItem>> ExpireLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyToAllAsync(ExpiredLeasesSql, QueueItemTransitions.ExpireLease(now), now, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueItem>> AbandonStaleAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ApplyToAllAsync(StaleSql, QueueItemTransitions.AbandonStale(now), now, cancellationToken);

    /// <inheritdoc />
    public Task<QueueItemChange?> RetryAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Retry(actor, now), cancellationToken);

    /// <inheritdoc />
    public Task<QueueItemChange?> AbandonAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Abandon(actor, now), cancellationToken);

    /// <inheritdoc />
    public Task<QueueItemChange?> DeleteAsync(string itemId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, QueueItemTransitions.Delete(actor, now), cancellationToken);

    /// <inheritdoc />
    public async Task<QueueItem?> GetItemAsync(string itemId, CancellationToken cancellationToken = default) =>
        (await database.QueryFirstAsync<QueueItemRow>($"SELECT {QueueItemRow.Columns} FROM queue_items WHERE id = @Id", new { Id = itemId }, cancellationToken)
            .ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueItemEvent>> GetHistoryAsync(string itemId, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync<QueueItemEventRow>($"SELECT {QueueItemEventRow.Columns} FROM queue_item_events WHERE item_id = @Id ORDER BY sequence",
            new { Id = itemId }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToModel()).ToList();

    /// <inheritdoc />
    public async Task<Page<QueueItem>> ListItemsAsync(string queue, QueueItemQuery query, string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        var size = KeysetCursor.ClampPageSize(pageSize);
        var (sql, parameters) = ListSql(queue, query, KeysetCursor.Decode(cursor), size);
        var rows = await database.ReadAsync(async connection =>
            (await connection.QueryAsync<QueueItemRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            cancellationToken).ConfigureAwait(false);
        var page = Keyset.ToPage(rows, size, r => (r.CreatedAt, r.Id));
        return new Page<QueueItem>(page.Items.Select(r => r.ToModel()).ToList(), page.NextCursor);
    }

    /// <summary>The SQL of one page of a queue's items.</summary>
    internal static (string Sql, DynamicParameters Parameters) ListSql(string queue, QueueItemQuery query, KeysetCursor? cursor, int size)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {QueueItemRow.Columns} FROM queue_items WHERE queue = @Queue");
        var parameters = new DynamicParameters();
        parameters.Add("Queue", queue);
        if (query.Status is { } status)
        {
            sql.Append(" AND status = @Status");
            parameters.Add("Status", status.ToString());
        }

        if (query.Reference is { } reference)
        {
            sql.Append(" AND reference = @Reference");
            parameters.Add("Reference", reference);
        }

        // substr rather than LIKE: LIKE is case-insensitive in SQLite and case-sensitive in PostgreSQL, and needs escaping.
        // It filters rows of the index range the other filters chose (a prefix is for narrowing a view, not a lookup).
        if (query.ReferencePrefix is { Length: > 0 } prefix)
        {
            sql.Append(" AND substr(reference, 1, @PrefixLength) = @ReferencePrefix");
            parameters.Add("PrefixLength", prefix.Length);
            parameters.Add("ReferencePrefix", prefix);
        }

        // Failure filters walk the partial indexes (queue, failure_kind | failure_code, created_at, id) of items that failed.
        if (query.FailureKind is { } kind)
        {
            sql.Append(" AND failure_kind = @FailureKind");
            parameters.Add("FailureKind", kind.ToString());
        }

        if (query.FailureCode is { } code)
        {
            sql.Append(" AND failure_code = @FailureCode");
            parameters.Add("FailureCode", code);
        }

        if (query.AddedFrom is { } from)
        {
            sql.Append(" AND created_at >= @AddedFrom");
            parameters.Add("AddedFrom", StoreTime.ToUnixMs(from));
        }

        // Past the first page the cursor is the tighter upper bound; two upper bounds would leave the planner to pick one.
        if (query.AddedTo is { } to && !(cursor is { } c && c.CreatedAtMs < StoreTime.ToUnixMs(to)))
        {
            sql.Append(" AND created_at < @AddedTo");
            parameters.Add("AddedTo", StoreTime.ToUnixMs(to));
        }

        // The last change cuts across the list's order (by time added), so it filters the range the others chose.
        if (query.UpdatedFrom is { } updatedFrom)
        {
            sql.Append(" AND updated_at >= @UpdatedFrom");
            parameters.Add("UpdatedFrom", StoreTime.ToUnixMs(updatedFrom));
        }

        if (query.UpdatedTo is { } updatedTo)
        {
            sql.Append(" AND updated_at < @UpdatedTo");
            parameters.Add("UpdatedTo", StoreTime.ToUnixMs(updatedTo));
        }

        Keyset.AppendNewestFirst(sql, parameters, cursor, size);
        return (sql.ToString(), parameters);
    }

    /// <inheritdoc />
    public async Task<QueueStatistics> GetStatisticsAsync(string queue, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var nowMs = StoreTime.ToUnixMs(now);
        var since = StoreTime.ToUnixMs(now - window);
        return await database.ReadAsync(async connection =>
        {
            var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
                    "SELECT status, COUNT(*) FROM queue_items WHERE queue = @Queue GROUP BY status", new { Queue = queue }, cancellationToken: cancellationToken))
                .ConfigureAwait(false)).ToDictionary(r => Enum.Parse<QueueItemStatus>(r.Status), r => (int)r.Count);
            var finished = await connection.QuerySingleAsync<(long Finished, double? AverageMs)>(new CommandDefinition(
                """
                SELECT COUNT(*), CAST(AVG(CASE WHEN status = 'Successful' THEN completed_at - started_at END) AS DOUBLE PRECISION)
                FROM queue_items WHERE queue = @Queue AND status IN ('Successful', 'Failed') AND completed_at >= @Since
                """, new { Queue = queue, Since = since }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var breaches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT COUNT(*) FROM queue_items WHERE queue = @Queue AND status <> 'Deleted' AND deadline IS NOT NULL
                    AND ((completed_at IS NOT NULL AND completed_at > deadline) OR (completed_at IS NULL AND deadline < @Now))
                """, new { Queue = queue, Now = nowMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return QueueStatisticsMath.Build(queue, counts, window, (int)finished.Finished, finished.AverageMs, (int)breaches);
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<QueueItemChange?> ChangeAsync(string itemId, QueueItemTransitions.Rule rule, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var item = await LoadAsync(connection, transaction, itemId, lockRow: true, cancellationToken).ConfigureAwait(false);
            if (item is null) return null;
            var queue = await LoadQueueAsync(connection, transaction, item.Queue, cancellationToken).ConfigureAwait(false);
            var changed = await SaveAsync(connection, transaction, item, queue, rule, cancellationToken).ConfigureAwait(false);
            return changed is { } c ? new QueueItemChange(c.Item, true) : new QueueItemChange(item, false);
        }, cancellationToken);

    private async Task<IReadOnlyList<QueueItem>> ApplyToAllAsync(string selectSql, QueueItemTransitions.Rule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, selectSql, database.Dialect.SkipLocked);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var ids = (await connection.QueryAsync<string>(new CommandDefinition(sql, new { Now = StoreTime.ToUnixMs(now), Limit = (long)MaintenanceBatch }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            var queues = new Dictionary<string, WorkQueue>(StringComparer.Ordinal);
            var changed = new List<QueueItem>();
            foreach (var id in ids)
            {
                var item = await LoadAsync(connection, transaction, id, lockRow: false, cancellationToken).ConfigureAwait(false);
                if (item is null) continue;
                if (!queues.TryGetValue(item.Queue, out var queue))
                {
                    queues[item.Queue] = queue = await LoadQueueAsync(connection, transaction, item.Queue, cancellationToken).ConfigureAwait(false);
                }

                if (await SaveAsync(connection, transaction, item, queue, rule, cancellationToken).ConfigureAwait(false) is { } c) changed.Add(c.Item);
            }

            return (IReadOnlyList<QueueItem>)changed;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<QueueItem?> LoadAsync(DbConnection connection, DbTransaction transaction, string id, bool lockRow, CancellationToken cancellationToken) =>
        (await connection.QueryFirstOrDefaultAsync<QueueItemRow>(new CommandDefinition(
            $"SELECT {QueueItemRow.Columns} FROM queue_items WHERE id = @Id{(lockRow ? database.Dialect.ForUpdate : "")}", new { Id = id }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToModel();

    private static async Task<WorkQueue> LoadQueueAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        (await connection.QueryFirstAsync<WorkQueueRow>(new CommandDefinition($"SELECT {WorkQueueRow.Columns} FROM work_queues WHERE name = @Name",
            new { Name = name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToModel();

    private static async Task<(QueueItem Item, QueueItemEvent? Event)?> SaveAsync(DbConnection connection, DbTransaction transaction, QueueItem item, WorkQueue queue,
        QueueItemTransitions.Rule rule, CancellationToken cancellationToken)
    {
        if (rule(item, queue) is not { } c) return null;
        await connection.ExecuteAsync(new CommandDefinition(UpdateItemSql, QueueItemRow.Parameters(c.Item), transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (c.Event is { } e) await InsertEventAsync(connection, transaction, e, cancellationToken).ConfigureAwait(false);
        return c;
    }

    private static Task<int> InsertEventAsync(DbConnection connection, DbTransaction transaction, QueueItemEvent e, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertEventSql, QueueItemEventRow.Parameters(e), transaction, cancellationToken: cancellationToken));
}
