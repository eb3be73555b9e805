using System.Data.Common;
using System.Text;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Instances, bookmarks and journals in a SQL database; every commit is one transaction.</summary>
internal sealed class SqlInstanceStore(SqlDatabase database) : IInstanceStore
{
    internal static readonly SqlTemplate GetInstance = new($"SELECT {InstanceRow.AllColumns} FROM instances WHERE id = @id", "id");

    internal static readonly SqlTemplate GetBookmark = new($"SELECT {BookmarkRow.Columns} FROM bookmarks WHERE id = @id", "id");

    /// <summary>A bookmark, its instance and the instance's definition version in one query (the resume path's reads).</summary>
    internal static readonly SqlTemplate GetResumeTarget = new($"""
        SELECT {ResumeTargetRow.Columns}
        FROM bookmarks b
        JOIN instances i ON i.id = b.instance_id
        LEFT JOIN definition_versions v ON v.definition_id = i.definition_id AND v.version = i.definition_version
        WHERE b.id = @id
        """, "id");

    /// <summary>Bookmark lookups by kind, name (or any) and correlation id (or any), indexed [name given, correlation given].</summary>
    internal static readonly SqlTemplate[] FindBookmarks =
    [
        new($"SELECT {BookmarkRow.Columns} FROM bookmarks WHERE kind = @kind ORDER BY created_at, id", "kind"),
        new($"SELECT {BookmarkRow.Columns} FROM bookmarks WHERE kind = @kind AND correlation_id = @correlation_id ORDER BY created_at, id", "kind", "correlation_id"),
        new($"SELECT {BookmarkRow.Columns} FROM bookmarks WHERE kind = @kind AND name = @name ORDER BY created_at, id", "kind", "name"),
        new($"SELECT {BookmarkRow.Columns} FROM bookmarks WHERE kind = @kind AND name = @name AND correlation_id = @correlation_id ORDER BY created_at, id", "kind", "name", "correlation_id"),
    ];

    internal const string ChildrenSql =
        $"SELECT {InstanceRow.SummaryColumns} FROM instances WHERE parent_instance_id = @Parent ORDER BY created_at, id";

    internal const string RecoverableSql =
        "SELECT id FROM instances WHERE status = 'Running' AND lease_until <= @Now ORDER BY lease_until, id LIMIT @Limit";

    /// <summary>
    /// Takes the lease of instances with a due timer that no other node holds (see <see cref="ClaimDueBookmarksAsync"/>);
    /// {0} is the dialect's <see cref="SqlDialect.SkipLockedInstances"/>.
    /// </summary>
    internal const string ClaimDueSql = """
        UPDATE instances SET lease_owner = @Owner, lease_until = @Until
        WHERE id IN (
            SELECT b.instance_id FROM bookmarks b JOIN instances i ON i.id = b.instance_id
            WHERE b.due_at IS NOT NULL AND b.due_at <= @Now
              AND (i.lease_owner IS NULL OR i.lease_until <= @Now OR (i.lease_owner <> @Owner AND i.lease_until <= @OthersEndedBy))
            ORDER BY b.due_at, b.id LIMIT @Limit{0})
        RETURNING id
        """;

    /// <summary>The due bookmarks of the instances just claimed; {0} is the dialect's <see cref="SqlDialect.InList"/> of <c>Ids</c>.</summary>
    internal const string DueOfInstancesSql =
        $"SELECT {BookmarkRow.Columns} FROM bookmarks WHERE instance_id {{0}} AND due_at IS NOT NULL AND due_at <= @Now ORDER BY due_at, id";

    /// <summary>The first page of due timers read without a claim (see <see cref="FindDueBookmarksAsync"/>).</summary>
    internal static readonly SqlTemplate FindDue = new($"""
        SELECT {SqlColumns.Qualify(BookmarkRow.Columns, "b")} FROM bookmarks b JOIN instances i ON i.id = b.instance_id
        WHERE b.due_at IS NOT NULL AND b.due_at <= @now
          AND (i.lease_owner IS NULL OR i.lease_until <= @now OR i.lease_owner <> @owner)
        ORDER BY b.due_at, b.id LIMIT @limit
        """, "now", "owner", "limit");

    /// <summary>A later page of due timers: those after the previous page's last bookmark, in (due_at, id) order.</summary>
    internal static readonly SqlTemplate FindDueAfter = new($"""
        SELECT {SqlColumns.Qualify(BookmarkRow.Columns, "b")} FROM bookmarks b JOIN instances i ON i.id = b.instance_id
        WHERE b.due_at IS NOT NULL AND b.due_at <= @now AND (b.due_at, b.id) > (@after_due, @after_id)
          AND (i.lease_owner IS NULL OR i.lease_until <= @now OR i.lease_owner <> @owner)
        ORDER BY b.due_at, b.id LIMIT @limit
        """, "now", "after_due", "after_id", "owner", "limit");

    internal const string NextDueSql = "SELECT MIN(due_at) FROM bookmarks WHERE due_at IS NOT NULL AND due_at > @After";

    internal const string JournalSql =
        $"SELECT {JournalRow.Columns} FROM journal WHERE instance_id = @Id AND sequence > @After ORDER BY sequence LIMIT @Limit";

    /// <inheritdoc />
    public async Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        ArgumentException.ThrowIfNullOrWhiteSpace(instance.Id, "commit.Instance.Id");
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion, "commit.ExpectedVersion");

        var statements = CommitStatements.Build(commit, database.Dialect);
        try
        {
            if (!await database.WriteIfFirstChangesAsync(statements, cancellationToken).ConfigureAwait(false))
            {
                throw new ConcurrencyException(instance.Id, commit.ExpectedVersion);
            }
        }
        catch (DbException e) when (database.Dialect.IsForeignKeyViolation(e))
        {
            // Only the instance row is referenced: it is gone, so the expected version cannot match.
            throw new ConcurrencyException(instance.Id, commit.ExpectedVersion);
        }

        instance.Version = commit.ExpectedVersion + 1;
    }

    /// <inheritdoc />
    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var row = await database.QuerySingleAsync(GetInstance, [instanceId], InstanceRow.Read, cancellationToken).ConfigureAwait(false);
        return row?.ToInstance();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The cursor is not one this store made.</exception>
    public async Task<Page<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cursor = KeysetCursor.Decode(query.Cursor);
        var size = KeysetCursor.ClampPageSize(query.PageSize);
        var (sql, parameters) = ListSql(query, cursor, size);
        var rows = await database.QueryAsync<InstanceRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return Keyset.ToPage(rows.Select(r => r.ToSummary()).ToList(), size, s => (StoreTime.ToUnixMs(s.CreatedAt), s.Id));
    }

    /// <summary>The SQL of a page of <see cref="ListAsync"/>: one index range per filter combination, no sort.</summary>
    internal static (string Sql, DynamicParameters Parameters) ListSql(InstanceQuery query, KeysetCursor? cursor, int size)
    {
        var sql = new StringBuilder($"SELECT {InstanceRow.SummaryColumns} FROM instances WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (query.Status is { } status)
        {
            sql.Append(" AND status = @Status");
            parameters.Add("Status", status.ToString());
        }

        if (query.DefinitionId is not null)
        {
            sql.Append(" AND definition_id = @DefinitionId");
            parameters.Add("DefinitionId", query.DefinitionId);
        }

        if (query.CorrelationId is not null)
        {
            sql.Append(" AND correlation_id = @CorrelationId");
            parameters.Add("CorrelationId", query.CorrelationId);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND created_at >= @From");
            parameters.Add("From", StoreTime.ToUnixMs(from));
        }

        // Past the first page the cursor is the tighter upper bound; two upper bounds would leave the planner to pick one.
        if (query.To is { } to && !(cursor is { } c && c.CreatedAtMs < StoreTime.ToUnixMs(to)))
        {
            sql.Append(" AND created_at < @To");
            parameters.Add("To", StoreTime.ToUnixMs(to));
        }

        Keyset.AppendNewestFirst(sql, parameters, cursor, size);
        return (sql.ToString(), parameters);
    }
    /// <inheritdoc />
    public async Task<IReadOnlyList<InstanceSummary>> ListChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<InstanceRow>(
            ChildrenSql,
            new { Parent = parentInstanceId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "UPDATE instances SET lease_owner = @Owner, lease_until = @Until WHERE id = @Id AND (lease_owner IS NULL OR lease_owner = @Owner OR lease_until <= @Now)",
            new { Id = instanceId, Owner = owner, Now = StoreTime.ToUnixMs(now), Until = StoreTime.ToUnixMs(until) },
            cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public async Task<bool> RenewLeaseAsync(string instanceId, string owner, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "UPDATE instances SET lease_until = @Until WHERE id = @Id AND lease_owner = @Owner",
            new { Id = instanceId, Owner = owner, Until = StoreTime.ToUnixMs(until) },
            cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindRecoverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        var ids = await database.QueryAsync<string>(
            RecoverableSql,
            new { Now = StoreTime.ToUnixMs(now), Limit = (long)limit }, cancellationToken).ConfigureAwait(false);
        return ids.ToList();
    }

    /// <inheritdoc />
    /// <remarks>A null <paramref name="name"/> or <paramref name="correlationId"/> matches any. Oldest first.</remarks>
    public async Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string? name, string? correlationId, CancellationToken cancellationToken = default)
    {
        var template = FindBookmarks[(name is null ? 0 : 2) + (correlationId is null ? 0 : 1)];
        object?[] values = (name, correlationId) switch
        {
            (null, null) => [kind],
            (null, _) => [kind, correlationId],
            (_, null) => [kind, name],
            _ => [kind, name, correlationId],
        };
        var rows = await database.QueryAsync(template, values, BookmarkRow.Read, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<Bookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        var row = await database.QuerySingleAsync(GetBookmark, [bookmarkId], BookmarkRow.Read, cancellationToken).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <inheritdoc />
    public async Task<ResumeTarget?> GetResumeTargetAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        var row = await database.QuerySingleAsync(GetResumeTarget, [bookmarkId], ResumeTargetRow.Read, cancellationToken).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Bookmark>> ClaimDueBookmarksAsync(string owner, DateTimeOffset now, DateTimeOffset othersLeasesEndedBy, DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (limit <= 0)
        {
            return [];
        }

        var claimSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimDueSql, database.Dialect.SkipLockedInstances);
        var dueSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, DueOfInstancesSql, database.Dialect.InList("Ids"));
        var nowMs = StoreTime.ToUnixMs(now);
        var rows = await database.WriteAsync(async (connection, transaction) =>
        {
            var claimed = (await connection.QueryAsync<string>(new CommandDefinition(claimSql,
                new { Owner = owner, Until = StoreTime.ToUnixMs(until), Now = nowMs, OthersEndedBy = StoreTime.ToUnixMs(othersLeasesEndedBy), Limit = (long)limit }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (claimed.Count == 0)
            {
                return [];
            }

            return (await connection.QueryAsync<BookmarkRow>(new CommandDefinition(dueSql,
                new { Ids = claimed, Now = nowMs }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(string owner, DateTimeOffset now, Bookmark? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (after is not null && after.DueAt is null)
        {
            throw new ArgumentException($"Bookmark '{after.Id}' has no due time, so due timers cannot be listed after it.", nameof(after));
        }

        if (limit <= 0)
        {
            return [];
        }

        var nowMs = StoreTime.ToUnixMs(now);
        var rows = after is null
            ? await database.QueryAsync(FindDue, [nowMs, owner, (long)limit], BookmarkRow.Read, cancellationToken).ConfigureAwait(false)
            : await database.QueryAsync(FindDueAfter, [nowMs, StoreTime.ToUnixMs(after.DueAt!.Value), after.Id, owner, (long)limit], BookmarkRow.Read, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset after, CancellationToken cancellationToken = default)
    {
        var due = await database.QueryFirstAsync<long?>(
            NextDueSql, new { After = StoreTime.ToUnixMs(after) }, cancellationToken).ConfigureAwait(false);
        return StoreTime.FromUnixMs(due);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        var rows = await database.QueryAsync<JournalRow>(
            JournalSql,
            new { Id = instanceId, After = afterSequence, Limit = (long)limit }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }
}
