using System.Collections.Concurrent;
using System.Data.Common;
using Automation.Storage.Sql;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>
/// A SQLite file in WAL mode. SQLite allows one writer at a time, so all writes go through one long-lived write
/// connection, and writes that queue up for it are committed in groups (<see cref="SqliteGroupCommit"/>); reads use a
/// small pool of read connections, which WAL lets run beside the writer. Every connection keeps its compiled statements (<see cref="SqliteCommandCache"/>).
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private const int MaxIdleReaders = 16;

    // busy_timeout waits out another process's lock instead of failing; mmap reads pages of the file without copying
    // them (a reader's own page cache is dropped whenever another connection has written, so it stays small).
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456;";

    // WAL lets readers run beside the writer; NORMAL syncs at checkpoints only (in WAL a power cut may lose the last
    // commits, never corrupt the file); a larger auto-checkpoint means fewer checkpoints (and fsyncs) for the same
    // work; the writer's cache survives between its own transactions, so it gets 64 MB.
    private const string WriterPragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 4000; PRAGMA cache_size = -65536;";

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteCommandCache> idleReaders = [];
    private readonly SqliteGroupCommit groupCommit;
    private SqliteCommandCache? writer;
    private volatile bool directoryReady;
    private bool disposed;

    /// <summary>Uses <paramref name="connectionString"/>; its file's folder is created on first use.</summary>
    public SqliteDatabase(string connectionString)
        : base(SqliteDialect.Instance)
    {
        var builder = Validate(connectionString);
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Pooling = false;
        FilePath = builder.DataSource;
        this.connectionString = builder.ToString();
        groupCommit = new SqliteGroupCommit(Writer, writeGate);
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Parses <paramref name="connectionString"/>, which must name a file.</summary>
    /// <exception cref="InvalidOperationException">It does not parse or names no file.</exception>
    public static SqliteConnectionStringBuilder Validate(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Automation__ConnectionString is not a valid SQLite connection string: {e.Message}", e);
        }

        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException(
                "Automation__ConnectionString for sqlite must name a file (Data Source=path); use Automation__Store=memory for a store without a file.");
        }

        return builder;
    }

    /// <inheritdoc />
    public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var reader = RentReader();
        try
        {
            return await work(reader.Connection).ConfigureAwait(false);
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <inheritdoc />
    public override Task<List<T>> QueryAsync<T>(SqlTemplate template, object?[] values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var reader = RentReader();
        try
        {
            using var rows = reader.Get(template, values, null).ExecuteReader();
            var result = new List<T>();
            while (rows.Read())
            {
                result.Add(map(rows));
            }

            return Task.FromResult(result);
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <inheritdoc />
    /// <remarks>Writes that queue up behind another are committed together (<see cref="SqliteGroupCommit"/>); each still succeeds or fails on its own.</remarks>
    public override Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        groupCommit.WriteAsync<T>((connection, transaction) => work(connection, transaction), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Runs as a write of its own in the group commit (a transaction of one statement, as autocommit would be).</remarks>
    public override Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        groupCommit.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>How many write transactions were committed so far (fewer than writes when group commit merged some).</summary>
    internal long GroupsCommitted => groupCommit.GroupsCommitted;

    /// <inheritdoc />
    /// <remarks>Runs on the write connection inside <see cref="WriteAsync{T}"/>, which serializes use of its command cache.</remarks>
    public override Task<int[]> ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, bool stopWhenFirstChangesNothing, CancellationToken cancellationToken)
    {
        var commands = Writer();
        var counts = new int[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var (template, values) = statements[i];
            counts[i] = SqliteRawStatement.CanBind(values)
                ? commands.GetRaw(template).Execute(values)
                : commands.Get(template, values, (SqliteTransaction)transaction).ExecuteNonQuery();
            if (i == 0 && counts[0] == 0 && stopWhenFirstChangesNothing)
            {
                break;
            }
        }

        return Task.FromResult(counts);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            disposed = true;
            writer?.Dispose();
            writer = null;
            while (idleReaders.TryTake(out var reader))
            {
                reader.Dispose();
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>The write connection, opened on first use.</summary>
    private SqliteCommandCache Writer()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return writer ??= Open(WriterPragmas + ConnectionPragmas);
    }

    private SqliteCommandCache RentReader()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return idleReaders.TryTake(out var reader) ? reader : Open(ConnectionPragmas);
    }

    private void ReturnReader(SqliteCommandCache reader)
    {
        if (disposed || idleReaders.Count >= MaxIdleReaders)
        {
            reader.Dispose();
            return;
        }

        idleReaders.Add(reader);
    }

    private SqliteCommandCache Open(string pragmas)
    {
        if (!directoryReady)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            directoryReady = true;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            connection.Execute(pragmas);
            return new SqliteCommandCache(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
