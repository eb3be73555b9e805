using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Samples.LegacyKit;

namespace Samples.PeoplePortal.Data;

/// <summary>The portal's SQLite database: opens connections, and creates and seeds the schema once.</summary>
public sealed class PortalDatabase(IOptions<LegacyAppOptions> options)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = options.Value.DatabasePath, Pooling = true }.ToString();

    static PortalDatabase()
    {
        // Columns are snake_case; the row classes are PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>An open connection.</summary>
    public SqliteConnection Open()
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        return c;
    }

    /// <summary>Creates the table and the seed staff when the database is new.</summary>
    public void EnsureCreated()
    {
        var dir = Path.GetDirectoryName(options.Value.DatabasePath);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        using var c = Open();
        using var tx = c.BeginTransaction();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE IF NOT EXISTS staff (
                    employee_number TEXT PRIMARY KEY COLLATE NOCASE, user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    first_name TEXT NOT NULL, last_name TEXT NOT NULL, job_title TEXT NOT NULL, department TEXT NOT NULL,
                    manager_number TEXT NULL, start_date TEXT NOT NULL, licence TEXT NOT NULL, groups TEXT NOT NULL,
                    status TEXT NOT NULL, leave_date TEXT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                    disabled_by TEXT NULL, disabled_at TEXT NULL);
                """;
            cmd.ExecuteNonQuery();
        }

        PortalSeed.Apply(c, tx);
        tx.Commit();
    }
}
