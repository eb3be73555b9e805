using Automation.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Commands of one connection, kept per <see cref="SqlTemplate"/> so that SQLite compiles each statement once.
/// Not thread-safe: a connection is used by one caller at a time.
/// </summary>
internal sealed class SqliteCommandCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<SqlTemplate, SqliteCommand> commands = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SqlTemplate, SqliteRawStatement> rawStatements = new(ReferenceEqualityComparer.Instance);

    /// <summary>The connection the commands run on.</summary>
    public SqliteConnection Connection { get; } = connection;

    /// <summary>The command of <paramref name="template"/> with <paramref name="values"/> bound.</summary>
    public SqliteCommand Get(SqlTemplate template, object?[] values, SqliteTransaction? transaction)
    {
        if (!commands.TryGetValue(template, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = template.Sql;
            foreach (var name in template.ParameterNames)
            {
                command.Parameters.Add(new SqliteParameter("@" + name, null));
            }

            commands[template] = command;
        }

        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>The statement of <paramref name="template"/> run through SQLite's own API (the write path, <see cref="SqliteRawStatement"/>).</summary>
    public SqliteRawStatement GetRaw(SqlTemplate template)
    {
        if (!rawStatements.TryGetValue(template, out var statement))
        {
            rawStatements[template] = statement = new SqliteRawStatement(Connection, template);
        }

        return statement;
    }

    /// <summary>Disposes the commands and the connection.</summary>
    public void Dispose()
    {
        foreach (var statement in rawStatements.Values)
        {
            statement.Dispose();
        }

        rawStatements.Clear();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
        Connection.Dispose();
    }
}
