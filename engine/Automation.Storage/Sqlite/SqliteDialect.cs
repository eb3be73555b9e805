using System.Data.Common;
using Automation.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>SQLite: writers are serialized by one write connection, so no row locks; constraint errors are SQLITE_CONSTRAINT_*.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;
    private const int ConstraintForeignKey = 787;

    public static readonly SqliteDialect Instance = new();

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <inheritdoc />
    public override string? MigrationLockSql => null;

    /// <inheritdoc />
    public override string SkipLockedInstances => "";

    /// <inheritdoc />
    public override string SkipLocked => "";

    /// <inheritdoc />
    public override string InList(string parameter) => $"IN @{parameter}";

    /// <inheritdoc />
    public override string ForUpdate => "";

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintPrimaryKey or ConstraintUnique };

    /// <inheritdoc />
    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintForeignKey };
}
