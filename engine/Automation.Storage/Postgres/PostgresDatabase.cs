using System.Collections.Concurrent;
using System.Data.Common;
using Automation.Storage.Sql;
using Dapper;
using Npgsql;

namespace Automation.Storage.Postgres;

/// <summary>
/// A PostgreSQL database through one pooled <see cref="NpgsqlDataSource"/>. Statements are auto-prepared; a commit's
/// statements travel as one <see cref="NpgsqlBatch"/> (one round trip, plus the COMMIT).
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    /// <summary>The SQLSTATE that <c>automation_require_row</c> raises (migration 2).</summary>
    internal const string LostRaceState = "AUC01";

    private readonly NpgsqlDataSource dataSource;
    private readonly ConcurrentDictionary<SqlTemplate, SqlTemplate> guarded = new(ReferenceEqualityComparer.Instance);
    private readonly PostgresParameterTypes parameterTypes = new();

    /// <summary>Opens a data source for <paramref name="connectionString"/>, adding auto-prepare unless the string sets it.</summary>
    public PostgresDatabase(string connectionString)
        : base(PostgresDialect.Instance)
    {
        var settings = Validate(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        // The stores set no session state, so resetting connections on their way back to the pool is wasted work.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        dataSource = NpgsqlDataSource.Create(settings);
    }

    /// <summary>Parses <paramref name="connectionString"/>.</summary>
    /// <exception cref="InvalidOperationException">It does not parse.</exception>
    public static NpgsqlConnectionStringBuilder Validate(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new InvalidOperationException($"Automation__ConnectionString is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<List<T>> QueryAsync<T>(SqlTemplate template, object?[] values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(template.PositionalSql);
        parameterTypes.Bind(template, values, command.Parameters);

        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<T>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(map(rows));
        }

        return result;
    }

    /// <inheritdoc />
    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<int[]> ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, bool stopWhenFirstChangesNothing, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var (template, values) in statements)
        {
            var command = new NpgsqlBatchCommand(template.PositionalSql);
            parameterTypes.Bind(template, values, command.Parameters);

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var counts = new int[statements.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = batch.BatchCommands[i].RecordsAffected;
        }

        return counts;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One round trip: the batch runs without BEGIN and COMMIT, which PostgreSQL makes one implicit transaction (Npgsql
    /// sends a single Sync), so an error anywhere rolls back all of it. The first statement becomes
    /// <c>WITH written AS (… RETURNING 1) SELECT automation_require_row(count)</c>, which raises when it changed no row.
    /// </remarks>
    public override async Task<bool> WriteIfFirstChangesAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        for (var i = 0; i < statements.Count; i++)
        {
            var (template, values) = statements[i];
            if (i == 0)
            {
                template = guarded.GetOrAdd(template, static t => new SqlTemplate(
                    $"WITH written AS ({t.Sql} RETURNING 1) SELECT automation_require_row((SELECT count(*) FROM written))", [.. t.ParameterNames]));
            }

            var command = new NpgsqlBatchCommand(template.PositionalSql);
            parameterTypes.Bind(template, values, command.Parameters);
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == LostRaceState)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
