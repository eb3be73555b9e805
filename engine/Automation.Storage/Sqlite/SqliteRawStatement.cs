using Automation.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>
/// A write-path statement compiled once on the write connection and run through SQLite's own API, its values bound by
/// index. Microsoft.Data.Sqlite looks every parameter up by name on every execution (a linear scan of the statement's
/// names) and builds a reader per statement; a commit runs about fifteen statements, most of them journal rows.
/// </summary>
/// <remarks>Not thread-safe: used only by the writer, one write at a time (<see cref="SqliteGroupCommit"/>).</remarks>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;

    /// <summary>SQLite's parameter index of each of the template's values, in the template's order.</summary>
    private readonly int[] indexes;

    /// <summary>Compiles <paramref name="template"/> on <paramref name="connection"/>.</summary>
    /// <exception cref="SqliteException">The SQL does not compile.</exception>
    /// <exception cref="InvalidOperationException">The SQL does not use one of the template's parameters.</exception>
    public SqliteRawStatement(SqliteConnection connection, SqlTemplate template)
    {
        this.connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, template.Sql, out statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        indexes = new int[template.ParameterNames.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = raw.sqlite3_bind_parameter_index(statement, "@" + template.ParameterNames[i]);
            if (indexes[i] == 0)
            {
                statement.Dispose();
                throw new InvalidOperationException($"Parameter @{template.ParameterNames[i]} is not used by: {template.Sql}");
            }
        }
    }

    /// <summary>True when every value is of a type this class binds (string, integer, floating point, bool, bytes or null).</summary>
    public static bool CanBind(object?[] values)
    {
        foreach (var value in values)
        {
            if (value is not (null or DBNull or string or long or int or double or float or bool or byte[]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the statement with <paramref name="values"/> (as <see cref="CanBind"/> allows) and returns the rows it changed.</summary>
    /// <exception cref="SqliteException">SQLite reported an error (a constraint, a full disk), with its extended code.</exception>
    public int Execute(object?[] values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(indexes[i], values[i]));
            }

            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }

            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement); // no text of this commit is kept alive by the statement
        }
    }

    /// <summary>Finalizes the statement (before its connection closes).</summary>
    public void Dispose() => statement.Dispose();

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        double d => raw.sqlite3_bind_double(statement, index, d),
        float f => raw.sqlite3_bind_double(statement, index, f),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new ArgumentException($"A value of type {value.GetType().Name} cannot be bound here.", nameof(value)),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }
}
