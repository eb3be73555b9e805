using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Serialization;
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

    /// <summary>
    /// All of a commit's journal entries in one statement, from one JSON array of rows: through Microsoft.Data.Sqlite
    /// each statement costs ≈ 20 µs of binding and stepping, several times SQLite's own insert, and the journal is
    /// most of a commit's rows. A row is [sequence, timestamp, kind, activityId, activityType, scopeId, outcome,
    /// durationMs, message, data?]; data is the entry's JSON object itself (absent when null), stored as its text.
    /// </summary>
    private static readonly SqlTemplate InsertJournalRows = new("""
        INSERT INTO journal (instance_id, sequence, timestamp, kind, activity_id, activity_type, scope_id, outcome, duration_ms, message, data)
        SELECT @instance_id, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
            value ->> 7, value ->> 8, value -> 9
        FROM json_each(@rows) WHERE true
        ON CONFLICT (instance_id, sequence) DO NOTHING
        """, "instance_id", "rows");

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <inheritdoc />
    public override string? MigrationLockSql => null;

    /// <inheritdoc />
    public override string ForUpdate => "";

    /// <inheritdoc />
    public override void AppendJournal(List<SqlStatement> statements, string instanceId, IReadOnlyList<JournalEntry> journal)
    {
        if (journal.Count == 1)
        {
            base.AppendJournal(statements, instanceId, journal);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256 * journal.Count);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EngineJson.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartArray();
            foreach (var e in journal)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(e.Sequence);
                writer.WriteNumberValue(StoreTime.ToUnixMs(e.Timestamp));
                writer.WriteStringValue(e.Kind.ToString());
                WriteNullable(writer, e.ActivityId);
                WriteNullable(writer, e.ActivityType);
                WriteNullable(writer, e.ScopeId);
                WriteNullable(writer, e.Outcome);
                if (e.DurationMs is { } duration)
                {
                    writer.WriteNumberValue(duration);
                }
                else
                {
                    writer.WriteNullValue();
                }

                WriteNullable(writer, e.Message);
                e.Data?.WriteTo(writer, EngineJson.Options);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        statements.Add(new SqlStatement(InsertJournalRows, [instanceId, Encoding.UTF8.GetString(buffer.WrittenSpan)]));
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintPrimaryKey or ConstraintUnique };

    /// <inheritdoc />
    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintForeignKey };

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
