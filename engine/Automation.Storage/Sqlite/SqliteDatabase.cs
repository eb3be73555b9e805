using System.Data.Common;
using Automation.Storage.Sql;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>
/// A SQLite file in WAL mode. SQLite allows one writer at a time, so all writes go through one long-lived write
/// connection guarded by a semaphore (its prepared commands are cached); reads use pooled connections, which WAL
/// lets run alongside the writer.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private readonly string readConnectionString;
    private readonly string writeConnectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Dictionary<SqlTemplate, SqliteCommand> commands = new(ReferenceEqualityComparer.Instance);
    private SqliteConnection? writer;
    private volatile bool directoryReady;

    /// <summary>Uses <paramref name="connectionString"/>; its file's folder is created if missing.</summary>
    public SqliteDatabase(string connectionString)
        : base(SqliteDialect.Instance)
    {
        var builder = Validate(connectionString);
        builder.Pooling = true;
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        FilePath = builder.DataSource;
        readConnectionString = builder.ToString();
        builder.Pooling = false;
        writeConnectionString = builder.ToString();
    }

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

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public override ValueTask<DbConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var connection = new SqliteConnection(readConnectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return ValueTask.FromResult<DbConnection>(connection);
    }

    /// <inheritdoc />
    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Writer();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Writer().ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Runs on the write connection inside <see cref="WriteAsync{T}"/>, so the command cache needs no lock of its own.</remarks>
    public override Task<int[]> ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, bool stopWhenFirstChangesNothing, CancellationToken cancellationToken)
    {
        var counts = new int[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var (template, values) = statements[i];
            var command = Command(template);
            command.Transaction = (SqliteTransaction)transaction;
            for (var p = 0; p < values.Length; p++)
            {
                command.Parameters[p].Value = values[p] ?? DBNull.Value;
            }

            counts[i] = command.ExecuteNonQuery();
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
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            commands.Clear();
            writer?.Dispose();
            writer = null;
            using var pooled = new SqliteConnection(readConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>The write connection, opened on first use with the pragmas a server wants.</summary>
    private SqliteConnection Writer()
    {
        if (writer is not null)
        {
            return writer;
        }

        EnsureDirectory();
        var connection = new SqliteConnection(writeConnectionString);
        connection.Open();
        // WAL lets readers run beside the writer; NORMAL syncs at checkpoints only (safe in WAL: a power cut may lose
        // the last commits, never corrupt); busy_timeout waits out another process's lock instead of failing.
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
        return writer = connection;
    }

    private void EnsureDirectory()
    {
        if (!directoryReady)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            directoryReady = true;
        }
    }

    private SqliteCommand Command(SqlTemplate template)
    {
        if (commands.TryGetValue(template, out var command))
        {
            return command;
        }

        command = Writer().CreateCommand();
        command.CommandText = template.Sql;
        foreach (var name in template.ParameterNames)
        {
            command.Parameters.Add(new SqliteParameter("@" + name, null));
        }

        commands[template] = command;
        return command;
    }
}
