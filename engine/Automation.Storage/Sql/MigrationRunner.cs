using Automation.Engine.Persistence;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>
/// Applies the dialect's pending migrations in one transaction and records each in <c>schema_migrations</c>.
/// Idempotent; on PostgreSQL an advisory lock makes a second node wait and then find nothing to do.
/// </summary>
internal sealed class MigrationRunner(SqlDatabase database, TimeProvider time)
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version bigint NOT NULL PRIMARY KEY,
            name text NOT NULL,
            applied_at bigint NOT NULL
        )
        """;

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public Task<IReadOnlyList<int>> RunAsync(CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<int>>(async (connection, transaction) =>
        {
            var dialect = database.Dialect;
            if (dialect.MigrationLockSql is { } lockSql)
            {
                await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(new CommandDefinition(CreateHistory, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var done = (await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
            var applied = new List<int>();
            foreach (var migration in dialect.Migrations.OrderBy(m => m.Version))
            {
                if (done.Contains(migration.Version))
                {
                    continue;
                }

                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { Version = (long)migration.Version, migration.Name, AppliedAt = StoreTime.ToUnixMs(time.GetUtcNow()) },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                applied.Add(migration.Version);
            }

            return applied;
        }, cancellationToken);
}
