using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;

namespace Automation.Storage.Sql;

/// <summary>
/// Turns an <see cref="InstanceCommit"/> into the statements of one transaction: the instance write first (its row
/// count decides whether the commit wins), then bookmark deletes and upserts, journal inserts and task upserts.
/// </summary>
internal static class CommitStatements
{
    /// <summary>Columns written when the instance is created and never changed after (who it is, what it runs, with what).</summary>
    private static readonly string[] IdentityColumns =
        ["definition_id", "definition_version", "correlation_id", "parent_instance_id", "parent_bookmark_id", "input"];

    /// <summary>Columns every commit writes.</summary>
    private static readonly string[] ChangingColumns =
        ["status", "updated_at", "finished_at", "fault_message", "version", "lease_owner", "lease_until", "output", "state"];

    /// <summary>Creates the instance; a duplicate id inserts nothing (the commit then loses).</summary>
    private static readonly SqlTemplate InsertInstance = new(
        $"INSERT INTO instances (id, {string.Join(", ", IdentityColumns)}, {string.Join(", ", ChangingColumns)}, created_at) " +
        $"VALUES (@id, {Params(IdentityColumns)}, {Params(ChangingColumns)}, @created_at) ON CONFLICT (id) DO NOTHING",
        ["id", .. IdentityColumns, .. ChangingColumns, "created_at"]);

    /// <summary>
    /// Overwrites the instance only at the expected version. It sets only the columns that change: SQLite rewrites the
    /// entries of every index holding a column named in SET, whether its value changed or not, so setting the identity
    /// columns (and created_at, the paging key) again kept four of the seven instance indexes busy for nothing.
    /// </summary>
    private static readonly SqlTemplate UpdateInstance = new(
        $"UPDATE instances SET {string.Join(", ", ChangingColumns.Select(c => $"{c} = @{c}"))} WHERE id = @id AND version = @expected_version",
        ["id", .. ChangingColumns, "expected_version"]);

    private static readonly SqlTemplate DeleteBookmark = new(
        "DELETE FROM bookmarks WHERE id = @id AND instance_id = @instance_id", "id", "instance_id");

    private static readonly SqlTemplate UpsertBookmark = Upsert(
        "bookmarks", "id", ["id", "instance_id", "activity_id", "scope_id", "kind", "name", "correlation_id", "due_at", "data", "created_at"]);

    private static readonly string[] JournalColumns =
        ["instance_id", "sequence", "timestamp", "kind", "activity_id", "activity_type", "scope_id", "outcome", "duration_ms", "message", "data"];

    /// <summary>Appends an entry; one already stored (same instance and sequence) is left as it is.</summary>
    private static readonly SqlTemplate InsertJournal = new(
        $"INSERT INTO journal ({string.Join(", ", JournalColumns)}) VALUES ({Params(JournalColumns)}) ON CONFLICT (instance_id, sequence) DO NOTHING",
        JournalColumns);

    private static readonly SqlTemplate UpsertTask = Upsert("tasks", "id",
    [
        "id", "instance_id", "definition_id", "activity_id", "bookmark_id", "title", "description", "form_schema", "assignee",
        "role", "due_at", "status", "claimed_by", "completed_by", "result", "created_at", "completed_at",
    ]);

    /// <summary>The statements of <paramref name="commit"/>; the first is the instance write.</summary>
    public static List<SqlStatement> Build(InstanceCommit commit, SqlDialect dialect)
    {
        var instance = commit.Instance;
        var id = instance.Id;
        var statements = new List<SqlStatement>(1 + commit.RemovedBookmarkIds.Count + commit.AddedBookmarks.Count
            + commit.Journal.Count + commit.AddedTasks.Count + commit.UpdatedTasks.Count);

        object?[] changing =
        [
            instance.Status.ToString(), StoreTime.ToUnixMs(instance.UpdatedAt), StoreTime.ToUnixMs(instance.FinishedAt),
            instance.FaultMessage, commit.ExpectedVersion + 1, commit.LeaseOwner,
            commit.LeaseOwner is null ? 0L : StoreTime.ToUnixMs(commit.LeaseUntil) ?? 0L,
            StoredJson.WriteObject(instance.Output), StoredJson.Write(instance.State),
        ];
        statements.Add(commit.ExpectedVersion == 0
            ? new SqlStatement(InsertInstance,
            [
                id, instance.DefinitionId, (long)instance.DefinitionVersion, instance.CorrelationId, instance.ParentInstanceId,
                instance.ParentBookmarkId, StoredJson.WriteObject(instance.Input) ?? "{}", .. changing, StoreTime.ToUnixMs(instance.CreatedAt),
            ])
            : new SqlStatement(UpdateInstance, [id, .. changing, commit.ExpectedVersion]));

        foreach (var bookmarkId in commit.RemovedBookmarkIds)
        {
            statements.Add(new SqlStatement(DeleteBookmark, [bookmarkId, id]));
        }

        foreach (var b in commit.AddedBookmarks)
        {
            statements.Add(new SqlStatement(UpsertBookmark,
            [
                b.Id, id, b.ActivityId, b.ScopeId, b.Kind, b.Name, b.CorrelationId, StoreTime.ToUnixMs(b.DueAt),
                StoredJson.WriteObject(b.Data), StoreTime.ToUnixMs(b.CreatedAt),
            ]));
        }

        if (commit.Journal.Count > 0)
        {
            dialect.AppendJournal(statements, id, commit.Journal);
        }

        foreach (var t in commit.AddedTasks.Concat(commit.UpdatedTasks))
        {
            statements.Add(new SqlStatement(UpsertTask,
            [
                t.Id, id, t.DefinitionId, t.ActivityId, t.BookmarkId, t.Title, t.Description, StoredJson.WriteObject(t.FormSchema),
                t.Assignee, t.Role, StoreTime.ToUnixMs(t.DueAt), t.Status.ToString(), t.ClaimedBy, t.CompletedBy,
                StoredJson.WriteObject(t.Result), StoreTime.ToUnixMs(t.CreatedAt), StoreTime.ToUnixMs(t.CompletedAt),
            ]));
        }

        return statements;
    }

    /// <summary>The insert of one journal entry.</summary>
    public static SqlStatement JournalEntry(string instanceId, JournalEntry e) => new(InsertJournal,
    [
        instanceId, e.Sequence, StoreTime.ToUnixMs(e.Timestamp), e.Kind.ToString(), e.ActivityId, e.ActivityType, e.ScopeId,
        e.Outcome, e.DurationMs, e.Message, StoredJson.WriteObject(e.Data),
    ]);

    private static string Params(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "@" + c));

    private static SqlTemplate Upsert(string table, string key, string[] columns) => new(
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({Params(columns)}) " +
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Where(c => c != key).Select(c => $"{c} = excluded.{c}"))}",
        columns);
}
