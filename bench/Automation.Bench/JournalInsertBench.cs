using System.Text;
using Automation.Testing;
using Microsoft.Data.Sqlite;

namespace Automation.Bench;

/// <summary>
/// SQLite journal inserts, one statement per entry (the store before perf5) against one multi-row statement per commit
/// (SqliteDialect.AppendJournal now), alternated batch by batch in one process so that the machine's load falls on
/// both alike. Same table, pragmas, parameter binding (a cached command per statement) and row values as a commit of
/// scenario (c) (11 entries); reports thread CPU per commit of the fastest, p10 and median batches.
/// </summary>
internal static class JournalInsertBench
{
    private const int RowsPerCommit = 11;
    private const int Batch = 50;

    public static void Run(Settings settings)
    {
        using var folder = new TempDirectory("automation-bench-journal");
        using var connection = new SqliteConnection($"Data Source={folder.Combine("j.db")};Pooling=False");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 4000; PRAGMA cache_size = -65536;");
        Exec(connection, """
            CREATE TABLE journal (instance_id TEXT NOT NULL, sequence INTEGER NOT NULL, timestamp INTEGER NOT NULL, kind TEXT NOT NULL,
              activity_id TEXT, activity_type TEXT, scope_id TEXT, outcome TEXT, duration_ms REAL, message TEXT, data TEXT,
              PRIMARY KEY (instance_id, sequence))
            """);
        string[] columns = ["sequence", "timestamp", "kind", "activity_id", "activity_type", "scope_id", "outcome", "duration_ms", "message", "data"];
        var single = Command(connection, 1, columns);
        var multi = Command(connection, RowsPerCommit, columns);
        var rawSingle = Raw(connection, single.CommandText);
        var rawMulti = Raw(connection, multi.CommandText);
        var variants = new (string Name, Action<string> Commit)[]
        {
            ("one insert per entry", id =>
            {
                for (var r = 0; r < RowsPerCommit; r++)
                {
                    single.Parameters[0].Value = id;
                    Fill(single, 1, r);
                    single.ExecuteNonQuery();
                }
            }),
            ("one multi-row insert", id =>
            {
                multi.Parameters[0].Value = id;
                for (var r = 0; r < RowsPerCommit; r++) Fill(multi, 1 + r * columns.Length, r);
                multi.ExecuteNonQuery();
            }),
            ("raw: insert per entry", id =>
            {
                for (var r = 0; r < RowsPerCommit; r++)
                {
                    SQLitePCL.raw.sqlite3_bind_text(rawSingle, 1, id);
                    FillRaw(rawSingle, 2, r);
                    Step(connection, rawSingle);
                }
            }),
            ("raw: multi-row insert", id =>
            {
                SQLitePCL.raw.sqlite3_bind_text(rawMulti, 1, id);
                for (var r = 0; r < RowsPerCommit; r++) FillRaw(rawMulti, 2 + r * columns.Length, r);
                Step(connection, rawMulti);
            }),
        };
        var results = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var n = 0;
        while (clock.Elapsed < settings.Duration * 2)
        {
            foreach (var (name, commit) in variants)
            {
                var c0 = ThreadCpu.Nanoseconds();
                for (var i = 0; i < Batch; i++)
                {
                    var id = Guid.CreateVersion7().ToString("N");
                    using var tx = connection.BeginTransaction();
                    single.Transaction = tx;
                    multi.Transaction = tx;
                    commit(id);
                    tx.Commit();
                    n++;
                }
                results[name].Add((ThreadCpu.Nanoseconds() - c0) / 1000.0 / Batch);
            }
        }
        Console.WriteLine($"SQLite journal insert, {RowsPerCommit} entries per commit, thread CPU per commit (µs), {n:N0} commits, batches of {Batch} alternated:");
        foreach (var (name, list) in results)
        {
            list.Sort();
            Console.WriteLine($"  {name,-22} min {list[0],7:N1}  p10 {list[list.Count / 10],7:N1}  median {list[list.Count / 2],7:N1}  ({list.Count} batches)");
        }
    }

    private static void Fill(SqliteCommand command, int at, int row)
    {
        object?[] values =
        [
            (long)row + 1, 1_764_700_000_000L + row, row % 3 == 0 ? "ActivityScheduled" : "ActivityCompleted", "step" + row, "SetVariable",
            DBNull.Value, row % 3 == 0 ? DBNull.Value : "Done", row % 3 == 0 ? DBNull.Value : 0.012, DBNull.Value,
            row % 2 == 0 ? """{"from":"start"}""" : """{"inputs":{"name":"total","value":{"a":1,"b":"two"}},"attempt":1}""",
        ];
        for (var i = 0; i < values.Length; i++) command.Parameters[at + i].Value = values[i] ?? DBNull.Value;
    }

    private static object?[] Values(int row) =>
    [
        (long)row + 1, 1_764_700_000_000L + row, row % 3 == 0 ? "ActivityScheduled" : "ActivityCompleted", "step" + row, "SetVariable",
        null, row % 3 == 0 ? null : "Done", row % 3 == 0 ? null : 0.012, null,
        row % 2 == 0 ? """{"from":"start"}""" : """{"inputs":{"name":"total","value":{"a":1,"b":"two"}},"attempt":1}""",
    ];

    private static void FillRaw(SQLitePCL.sqlite3_stmt stmt, int at, int row)
    {
        var values = Values(row);
        for (var i = 0; i < values.Length; i++)
        {
            _ = values[i] switch
            {
                null => SQLitePCL.raw.sqlite3_bind_null(stmt, at + i),
                long l => SQLitePCL.raw.sqlite3_bind_int64(stmt, at + i, l),
                double d => SQLitePCL.raw.sqlite3_bind_double(stmt, at + i, d),
                string t => SQLitePCL.raw.sqlite3_bind_text(stmt, at + i, t),
                _ => throw new InvalidOperationException(),
            };
        }
    }

    private static void Step(SqliteConnection connection, SQLitePCL.sqlite3_stmt stmt)
    {
        var rc = SQLitePCL.raw.sqlite3_step(stmt);
        SQLitePCL.raw.sqlite3_reset(stmt);
        if (rc != SQLitePCL.raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    private static SQLitePCL.sqlite3_stmt Raw(SqliteConnection connection, string sql)
    {
        var rc = SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, sql, out var stmt);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        return stmt;
    }

    private static SqliteCommand Command(SqliteConnection connection, int rows, string[] columns)
    {
        var sql = new StringBuilder($"INSERT INTO journal (instance_id, {string.Join(", ", columns)}) VALUES ");
        var command = connection.CreateCommand();
        command.Parameters.Add(new SqliteParameter("@instance_id", null));
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "" : ", ").Append("(@instance_id");
            foreach (var c in columns)
            {
                sql.Append($", @{c}_{r}");
                command.Parameters.Add(new SqliteParameter($"@{c}_{r}", null));
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(" ON CONFLICT (instance_id, sequence) DO NOTHING").ToString();
        return command;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
