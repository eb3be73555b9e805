using System.Data.Common;
using Automation.Storage.Sql;
using Npgsql;

namespace Automation.Storage.Postgres;

/// <summary>PostgreSQL: row locks with FOR UPDATE, an advisory lock around migrations, SQLSTATE error codes.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>Arbitrary advisory-lock key that means "schema migration of the automation store".</summary>
    private const long MigrationLockKey = 0x41_75_74_6F_6D_61_74_65; // "Automate"

    public static readonly PostgresDialect Instance = new();

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    /// <inheritdoc />
    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    /// <inheritdoc />
    public override string ForUpdate => " FOR UPDATE";

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc />
    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
