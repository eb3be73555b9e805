using System.Text;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Human tasks in a SQL database; written by instance commits, read and claimed here.</summary>
internal sealed class SqlTaskStore(SqlDatabase database) : ITaskStore
{
    /// <inheritdoc />
    public async Task<HumanTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        var row = await database.QueryFirstAsync<TaskRow>(
            $"SELECT {TaskRow.Columns} FROM tasks WHERE id = @Id", new { Id = taskId }, cancellationToken).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <inheritdoc />
    /// <remarks>With <see cref="TaskQuery.User"/> or <see cref="TaskQuery.Roles"/>: the tasks <see cref="TaskVisibility"/> lets that user see.</remarks>
    /// <exception cref="ArgumentException">The cursor is not one this store made.</exception>
    public async Task<Page<HumanTask>> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cursor = KeysetCursor.Decode(query.Cursor);
        var size = KeysetCursor.ClampPageSize(query.PageSize);
        var (sql, parameters) = ListSql(query, cursor, size);
        var rows = await database.QueryAsync<TaskRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return Keyset.ToPage(rows.Select(r => r.ToModel()).ToList(), size, t => (StoreTime.ToUnixMs(t.CreatedAt), t.Id));
    }

    /// <summary>The SQL of a page of <see cref="ListAsync"/>.</summary>
    internal static (string Sql, DynamicParameters Parameters) ListSql(TaskQuery query, KeysetCursor? cursor, int size)
    {
        var sql = new StringBuilder($"SELECT {TaskRow.Columns} FROM tasks WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (query.Status is { } status)
        {
            sql.Append(" AND status = @Status");
            parameters.Add("Status", status.ToString());
        }

        if (query.InstanceId is not null)
        {
            sql.Append(" AND instance_id = @InstanceId");
            parameters.Add("InstanceId", query.InstanceId);
        }

        if (query.FiltersByVisibility)
        {
            sql.Append(" AND (").Append(VisibilitySql(query.User, query.Roles ?? [], parameters)).Append(')');
        }

        Keyset.AppendNewestFirst(sql, parameters, cursor, size);
        return (sql.ToString(), parameters);
    }

    /// <summary>The SQL condition of <see cref="TaskVisibility.IsVisible"/>, its parameters added to <paramref name="parameters"/>.</summary>
    private static string VisibilitySql(string? user, IReadOnlyList<string> roles, DynamicParameters parameters)
    {
        // Explicit parameters: Dapper passes a list as an array to Npgsql (needing "= ANY") but expands it for SQLite.
        var names = new string[roles.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = "@Role" + i;
            parameters.Add("Role" + i, roles[i]);
        }

        var forRole = names.Length == 0 ? "role IS NULL" : $"(role IS NULL OR role IN ({string.Join(", ", names)}))";
        var pool = $"(assignee IS NULL AND {forRole} AND (claimed_by IS NULL OR status IN ('Completed', 'Cancelled')))";
        if (user is null)
        {
            return pool;
        }

        parameters.Add("User", user);
        return $"assignee = @User OR claimed_by = @User OR completed_by = @User OR {pool}";
    }

    /// <inheritdoc />
    /// <remarks>Claiming a task the same user already holds succeeds again.</remarks>
    public async Task<bool> TryClaimAsync(string taskId, string user, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "UPDATE tasks SET status = 'Claimed', claimed_by = @User WHERE id = @Id AND (status = 'Open' OR (status = 'Claimed' AND claimed_by = @User))",
            new { Id = taskId, User = user }, cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    /// <remarks>Open and claimed tasks can be released; the task becomes Open, unclaimed, assigned to <paramref name="newAssignee"/>.</remarks>
    public async Task<bool> ReleaseAsync(string taskId, string? newAssignee, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "UPDATE tasks SET status = 'Open', claimed_by = NULL, assignee = @Assignee WHERE id = @Id AND status IN ('Open', 'Claimed')",
            new { Id = taskId, Assignee = newAssignee }, cancellationToken).ConfigureAwait(false) > 0;
}
