using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Samples.LegacyKit;

/// <summary>
/// A sample app's own SQLite file: opens pooled connections, and creates the schema and the seed data in one
/// transaction when the file is new. Each app supplies its schema and its seed.
/// </summary>
public abstract class LegacyDatabase(IOptions<LegacyAppOptions> options)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = options.Value.DatabasePath, Pooling = true }.ToString();

    static LegacyDatabase()
    {
        // Columns are snake_case; the row classes are PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>The app's tables, as idempotent SQL (<c>CREATE TABLE IF NOT EXISTS</c>).</summary>
    protected abstract string Schema { get; }

    /// <summary>Adds the seed rows inside the creating transaction (skipping those already there).</summary>
    protected abstract void Seed(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>An open connection.</summary>
    public SqliteConnection Open()
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        return c;
    }

    /// <summary>Creates the tables and the seed data when the database is new.</summary>
    public void EnsureCreated()
    {
        var dir = Path.GetDirectoryName(options.Value.DatabasePath);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);

        using var c = Open();
        using var tx = c.BeginTransaction();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "PRAGMA journal_mode=WAL;\n" + Schema;
            cmd.ExecuteNonQuery();
        }
        Seed(c, tx);
        tx.Commit();
    }
}
