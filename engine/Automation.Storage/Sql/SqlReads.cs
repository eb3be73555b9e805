using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Dapper queries on a pooled read connection of a <see cref="SqlDatabase"/>.</summary>
internal static class SqlReads
{
    public static async Task<List<T>> QueryAsync<T>(this SqlDatabase database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public static async Task<T?> QueryFirstAsync<T>(this SqlDatabase database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
