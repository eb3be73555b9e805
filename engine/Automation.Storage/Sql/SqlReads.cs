using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Dapper queries on a read connection of a <see cref="SqlDatabase"/> (for reads off the hot path).</summary>
internal static class SqlReads
{
    public static Task<List<T>> QueryAsync<T>(this SqlDatabase database, string sql, object? parameters, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            cancellationToken);

    public static Task<T?> QueryFirstAsync<T>(this SqlDatabase database, string sql, object? parameters, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
            connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>The first row of a prepared read, or null.</summary>
    public static async Task<T?> QuerySingleAsync<T>(this SqlDatabase database, SqlTemplate template, object?[] values, Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await database.QueryAsync(template, values, map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }
}
