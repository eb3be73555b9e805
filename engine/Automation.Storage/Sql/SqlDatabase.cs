using System.Data.Common;

namespace Automation.Storage.Sql;

/// <summary>
/// Connections and transactions of one database. Subclasses decide how connections are pooled, how writers are
/// serialized and how a batch of statements reaches the server (one round trip where the provider allows).
/// </summary>
internal abstract class SqlDatabase(SqlDialect dialect) : IAsyncDisposable
{
    /// <summary>The dialect of this database.</summary>
    public SqlDialect Dialect { get; } = dialect;

    /// <summary>An open connection for reads; the caller disposes it.</summary>
    public abstract ValueTask<DbConnection> OpenReadAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a write transaction, committed when it returns and rolled back when it throws.</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs one writing statement on its own (autocommit) and returns the number of rows it changed.</summary>
    public abstract Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="statements"/> in the transaction of <see cref="WriteAsync{T}"/> and returns the rows each changed.
    /// With <paramref name="stopWhenFirstChangesNothing"/> a database may skip the rest when the first changes no row
    /// (the caller then rolls back; a database that sends all at once runs them all).
    /// </summary>
    public abstract Task<int[]> ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, bool stopWhenFirstChangesNothing, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
