using System.Data.Common;
using Automation.Engine.Model;

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

    /// <summary>
    /// Appended to the SELECT of due timers to claim (joined instances aliased <c>i</c>): locks the instance rows it
    /// picks and skips those another node is claiming at the same moment ("" when writers are serialized anyway).
    /// </summary>
    public abstract string SkipLockedInstances { get; }

    /// <summary>
    /// Appended to a SELECT of rows to claim (queue items): locks the rows it picks and skips rows another transaction
    /// holds, so that two takers never wait on or take the same row ("" when writers are serialized anyway).
    /// </summary>
    public abstract string SkipLocked { get; }

    /// <summary>A condition that a column equals one of the list parameter <paramref name="parameter"/> (how Dapper passes a list differs).</summary>
    public abstract string InList(string parameter);

    /// <summary>Adds the statements that append <paramref name="journal"/> (one insert per entry unless the dialect does better).</summary>
    public virtual void AppendJournal(List<SqlStatement> statements, string instanceId, IReadOnlyList<JournalEntry> journal)
    {
        foreach (var entry in journal)
        {
            statements.Add(CommitStatements.JournalEntry(instanceId, entry));
        }
    }

    /// <summary>True when <paramref name="exception"/> is a primary-key or unique violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>True when <paramref name="exception"/> is a foreign-key violation.</summary>
    public abstract bool IsForeignKeyViolation(DbException exception);
}

/// <summary>One schema change; <paramref name="Sql"/> may hold several statements.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
