using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Samples.LegacyKit;
using Samples.PeoplePortal.Staff;

namespace Samples.PeoplePortal.Data;

/// <summary>The portal's SQLite database: opens connections, and creates and seeds the schema once.</summary>
public sealed class PortalDatabase(IOptions<LegacyAppOptions> options, IOptions<PortalOptions> portal) : LegacyDatabase(options)
{
    /// <inheritdoc />
    protected override string Schema => """
            CREATE TABLE IF NOT EXISTS staff (
                employee_number TEXT PRIMARY KEY COLLATE NOCASE, user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, job_title TEXT NOT NULL, department TEXT NOT NULL,
                manager_number TEXT NULL, start_date TEXT NOT NULL, licence TEXT NOT NULL, groups TEXT NOT NULL,
                status TEXT NOT NULL, leave_date TEXT NULL, email TEXT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                disabled_by TEXT NULL, disabled_at TEXT NULL);
        """;

    /// <inheritdoc />
    protected override void Seed(SqliteConnection connection, SqliteTransaction transaction) => PortalSeed.Apply(connection, transaction, portal.Value);
}
