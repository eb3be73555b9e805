using System.Data.Common;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql;
using Automation.Storage.Sql.Rows;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>SQLite: writers are serialized by one write connection, so no row locks; constraint errors are SQLITE_CONSTRAINT_*.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;
    private const int ConstraintForeignKey = 787;

    /// <summary>The most journal rows in one insert; a longer journal takes several (a compiled statement per row count up to this).</summary>
    private const int MaxJournalRowsPerInsert = 32;

    private static readonly string[] JournalRowColumns =
        ["sequence", "timestamp", "kind", "activity_id", "activity_type", "scope_id", "outcome", "duration_ms", "message", "data"];

    /// <summary>The multi-row journal insert for each row count (index = rows), made on first use.</summary>
    private static readonly SqlTemplate?[] JournalInserts = new SqlTemplate?[MaxJournalRowsPerInsert + 1];

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
    /// <remarks>
    /// Up to <see cref="MaxJournalRowsPerInsert"/> entries go in one <c>INSERT … VALUES (…), (…)</c>: each statement
    /// executed costs a bind, a step and a reset through Microsoft.Data.Sqlite whatever its size, and a commit holds
    /// about ten entries. (Reading them out of one JSON parameter with <c>json_each</c> was slower: docs/performance.md.)
    /// </remarks>
    public override void AppendJournal(List<SqlStatement> statements, string instanceId, IReadOnlyList<JournalEntry> journal)
    {
        for (var start = 0; start < journal.Count; start += MaxJournalRowsPerInsert)
        {
            var rows = Math.Min(MaxJournalRowsPerInsert, journal.Count - start);
            var values = new object?[1 + rows * JournalRowColumns.Length];
            values[0] = instanceId;
            var v = 1;
            for (var i = start; i < start + rows; i++)
            {
                var e = journal[i];
                values[v++] = e.Sequence;
                values[v++] = StoreTime.ToUnixMs(e.Timestamp);
                values[v++] = e.Kind.ToString();
                values[v++] = e.ActivityId;
                values[v++] = e.ActivityType;
                values[v++] = e.ScopeId;
                values[v++] = e.Outcome;
                values[v++] = e.DurationMs;
                values[v++] = e.Message;
                values[v++] = StoredJson.WriteObject(e.Data);
            }

            statements.Add(new SqlStatement(JournalInsert(rows), values));
        }
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintPrimaryKey or ConstraintUnique };

    /// <inheritdoc />
    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintForeignKey };

    /// <summary>The insert of <paramref name="rows"/> journal entries of one instance (<c>@instance_id</c>, then <c>@sequence_0</c>…).</summary>
    private static SqlTemplate JournalInsert(int rows)
    {
        if (JournalInserts[rows] is { } made)
        {
            return made;
        }

        var names = new List<string>(1 + rows * JournalRowColumns.Length) { "instance_id" };
        var tuples = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = JournalRowColumns.Select(c => $"{c}_{r}").ToArray();
            names.AddRange(row);
            tuples.Add($"(@instance_id, {string.Join(", ", row.Select(n => "@" + n))})");
        }

        var template = new SqlTemplate(
            $"INSERT INTO journal (instance_id, {string.Join(", ", JournalRowColumns)}) VALUES {string.Join(", ", tuples)} " +
            "ON CONFLICT (instance_id, sequence) DO NOTHING",
            [.. names]);
        return JournalInserts[rows] = template; // a race makes two equal templates: harmless, one is kept
    }
}
