using System.Data.Common;

namespace Automation.Storage.Sql;

/// <summary>
/// What differs between the SQL dialects. The stores' SQL is shared; a dialect adds its schema, its locking
/// clauses and how it reports constraint violations.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The store name used in settings (<c>sqlite</c>, <c>postgres</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The numbered schema migrations, in order.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>A statement run first in the migration transaction so that only one node migrates at a time; null when the transaction itself excludes other writers.</summary>
    public abstract string? MigrationLockSql { get; }

    /// <summary>Appended to a SELECT that must lock the rows it reads until the transaction ends ("" when writers are serialized anyway).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>True when <paramref name="exception"/> is a primary-key or unique violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>True when <paramref name="exception"/> is a foreign-key violation.</summary>
    public abstract bool IsForeignKeyViolation(DbException exception);
}

/// <summary>One schema change; <paramref name="Sql"/> may hold several statements.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
