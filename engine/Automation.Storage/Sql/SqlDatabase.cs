using System.Data.Common;

namespace Automation.Storage.Sql;

/// <summary>
/// Connections and transactions of one database. Subclasses decide how connections are pooled, how writers are
/// serialized, how statements stay prepared and how a batch reaches the server (one round trip where the provider allows).
/// </summary>
internal abstract class SqlDatabase(SqlDialect dialect) : IAsyncDisposable
{
    /// <summary>The dialect of this database.</summary>
    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Runs <paramref name="work"/> on a pooled read connection (not to be kept beyond the call).</summary>
    public abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a read of the hot path as a prepared statement (cached per connection, or auto-prepared by the provider)
    /// and maps each row with <paramref name="map"/>.
    /// </summary>
    public abstract Task<List<T>> QueryAsync<T>(SqlTemplate template, object?[] values, Func<DbDataReader, T> map, CancellationToken cancellationToken);

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

    /// <summary>
    /// Runs <paramref name="statements"/> in one transaction if the first changes a row, and returns true; when it
    /// changes none, nothing is written and the result is false (a commit that lost its version race).
    /// </summary>
    public virtual async Task<bool> WriteIfFirstChangesAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(async (connection, transaction) =>
            {
                var counts = await ExecuteBatchAsync(connection, transaction, statements, stopWhenFirstChangesNothing: true, cancellationToken).ConfigureAwait(false);
                return counts[0] == 0 ? throw new FirstChangedNothingException() : true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (FirstChangedNothingException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Rolls the transaction back when the first statement changed nothing.</summary>
    private sealed class FirstChangedNothingException : Exception;
}
