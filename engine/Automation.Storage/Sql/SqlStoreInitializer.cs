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
            await using var connection = await database.OpenReadAsync(cancellationToken).ConfigureAwait(false);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
        }
#pragma warning disable CA1031 // A health check reports failure; it does not throw.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
