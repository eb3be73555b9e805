using System.Data.Common;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;
using Automation.Storage.Sql;
using Npgsql;

namespace Automation.Storage.Postgres;

/// <summary>PostgreSQL: row locks with FOR UPDATE, an advisory lock around migrations, SQLSTATE error codes.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>Arbitrary advisory-lock key that means "schema migration of the automation store".</summary>
    private const long MigrationLockKey = 0x41_75_74_6F_6D_61_74_65; // "Automate"

    public static readonly PostgresDialect Instance = new();

    /// <summary>All of a commit's journal entries in one statement: each statement costs an executor start on the server.</summary>
    private static readonly SqlTemplate InsertJournalArrays = new("""
        INSERT INTO journal (instance_id, sequence, timestamp, kind, activity_id, activity_type, scope_id, outcome, duration_ms, message, data)
        SELECT @instance_id, * FROM unnest(@sequence::bigint[], @timestamp::bigint[], @kind::text[], @activity_id::text[],
            @activity_type::text[], @scope_id::text[], @outcome::text[], @duration_ms::float8[], @message::text[], @data::text[])
        ON CONFLICT (instance_id, sequence) DO NOTHING
        """,
        "instance_id", "sequence", "timestamp", "kind", "activity_id", "activity_type", "scope_id", "outcome", "duration_ms", "message", "data");

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    /// <inheritdoc />
    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    /// <inheritdoc />
    public override string SkipLockedInstances => " FOR UPDATE OF i SKIP LOCKED";

    /// <inheritdoc />
    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    /// <inheritdoc />
    public override string InList(string parameter) => $"= ANY(@{parameter})";

    /// <inheritdoc />
    public override string ForUpdate => " FOR UPDATE";

    /// <inheritdoc />
    public override void AppendJournal(List<SqlStatement> statements, string instanceId, IReadOnlyList<JournalEntry> journal)
    {
        if (journal.Count == 1)
        {
            base.AppendJournal(statements, instanceId, journal);
            return;
        }

        var n = journal.Count;
        var sequence = new long[n];
        var timestamp = new long[n];
        var kind = new string[n];
        var activityId = new string?[n];
        var activityType = new string?[n];
        var scopeId = new string?[n];
        var outcome = new string?[n];
        var duration = new double?[n];
        var message = new string?[n];
        var data = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var e = journal[i];
            sequence[i] = e.Sequence;
            timestamp[i] = StoreTime.ToUnixMs(e.Timestamp);
            kind[i] = e.Kind.ToString();
            activityId[i] = e.ActivityId;
            activityType[i] = e.ActivityType;
            scopeId[i] = e.ScopeId;
            outcome[i] = e.Outcome;
            duration[i] = e.DurationMs;
            message[i] = e.Message;
            data[i] = StoredJson.WriteObject(e.Data);
        }

        statements.Add(new SqlStatement(InsertJournalArrays,
            [instanceId, sequence, timestamp, kind, activityId, activityType, scopeId, outcome, duration, message, data]));
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc />
    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
