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
    /// <remarks>
    /// With <see cref="TaskQuery.User"/>: tasks assigned to or claimed by that user; with <see cref="TaskQuery.Roles"/>:
    /// tasks for one of the roles that nobody is assigned to or has claimed; with both, either.
    /// </remarks>
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

        var visibility = new List<string>(2);
        if (query.User is not null)
        {
            visibility.Add("assignee = @User OR claimed_by = @User");
            parameters.Add("User", query.User);
        }

        if (query.Roles is { Count: > 0 } roles)
        {
            // Explicit parameters: Dapper passes a list as an array to Npgsql (needing "= ANY") but expands it for SQLite.
            var names = new string[roles.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = "@Role" + i;
                parameters.Add("Role" + i, roles[i]);
            }

            visibility.Add($"(assignee IS NULL AND claimed_by IS NULL AND role IN ({string.Join(", ", names)}))");
        }

        if (visibility.Count > 0)
        {
            sql.Append(" AND (").Append(string.Join(" OR ", visibility)).Append(')');
        }

        Keyset.AppendNewestFirst(sql, parameters, cursor, size);
        return (sql.ToString(), parameters);
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
