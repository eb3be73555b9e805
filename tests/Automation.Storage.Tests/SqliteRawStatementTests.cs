using Automation.Storage.Sql;
using Automation.Storage.Sqlite;
using Automation.Testing;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Tests;

/// <summary>
/// The write path's statements run through SQLite's own API: values bound by index in the template's order (whatever
/// order the SQL names them in), errors reported as Microsoft.Data.Sqlite reports them, and the statement usable again
/// after an error.
/// </summary>
[TestFixture]
public sealed class SqliteRawStatementTests
{
    private static readonly SqlTemplate Insert = new(
        "INSERT INTO items (id, name, weight, data) VALUES (@id, @name, @weight, @data) ON CONFLICT (id) DO NOTHING",
        "name", "id", "data", "weight");

    private static readonly SqlTemplate InsertStrict = new("INSERT INTO items (id, name) VALUES (@id, @name)", "id", "name");

    [Test]
    public void Values_are_bound_in_the_templates_order_and_the_changed_rows_are_counted()
    {
        using var folder = new TempDirectory("automation-raw");
        using var connection = Open(folder);
        using var statement = new SqliteRawStatement(connection, Insert);

        Assert.That(statement.Execute(["first", 1L, null, 2.5]), Is.EqualTo(1));
        Assert.That(statement.Execute(["again", 1L, "{}", 1.0]), Is.EqualTo(0), "a conflict that does nothing changes no row");
        Assert.That(statement.Execute(["second", 2, "{\"a\":1}", 0.25]), Is.EqualTo(1));

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT id || ':' || name || ':' || weight || ':' || coalesce(data, 'null') FROM items ORDER BY id";
        using var rows = read.ExecuteReader();
        var found = new List<string>();
        while (rows.Read()) found.Add(rows.GetString(0));
        Assert.That(found, Is.EqualTo(new[] { "1:first:2.5:null", "2:second:0.25:{\"a\":1}" }));
    }

    [Test]
    public void A_constraint_error_is_a_SqliteException_with_its_extended_code_and_the_statement_runs_again_after_it()
    {
        using var folder = new TempDirectory("automation-raw");
        using var connection = Open(folder);
        using var statement = new SqliteRawStatement(connection, InsertStrict);
        statement.Execute([1L, "first"]);

        var error = Assert.Throws<SqliteException>(() => statement.Execute([1L, "duplicate"]));
        Assert.That(error!.SqliteExtendedErrorCode, Is.AnyOf(1555, 2067), "SQLITE_CONSTRAINT_PRIMARYKEY or _UNIQUE, as SqliteDialect.IsUniqueViolation expects");

        Assert.That(statement.Execute([2L, "after the error"]), Is.EqualTo(1));
    }

    [Test]
    public void A_value_of_a_type_it_cannot_bind_is_left_to_the_ordinary_command()
    {
        Assert.That(SqliteRawStatement.CanBind(["text", 1L, 2, 1.5, true, null, DBNull.Value, new byte[] { 1 }]), Is.True);
        Assert.That(SqliteRawStatement.CanBind([new long[] { 1, 2 }]), Is.False);
        Assert.That(SqliteRawStatement.CanBind([DateTimeOffset.UnixEpoch]), Is.False);
    }

    private static SqliteConnection Open(TempDirectory folder)
    {
        var connection = new SqliteConnection($"Data Source={folder.Combine("raw.db")};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, weight REAL, data TEXT)";
        create.ExecuteNonQuery();
        return connection;
    }
}
