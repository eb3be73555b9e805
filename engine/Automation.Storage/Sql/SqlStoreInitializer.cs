using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Runs the migrations of a SQL database at start-up and answers health checks with <c>SELECT 1</c>.</summary>
internal sealed class SqlStoreInitializer(SqlDatabase database, TimeProvider time) : IStoreInitializer
{
    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        new MigrationRunner(database, time).RunAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.ReadAsync(
                connection => connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)),
                cancellationToken).ConfigureAwait(false) == 1;
        }
#pragma warning disable CA1031 // A health check reports failure; it does not throw.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
