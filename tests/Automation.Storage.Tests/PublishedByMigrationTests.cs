using Automation.Engine.Model;
using Automation.Storage.Postgres;
using Automation.Storage.Sql;
using Automation.Storage.Sql.Rows;
using Automation.Storage.Sqlite;
using Automation.Testing;
using Dapper;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

/// <summary>
/// The migration that adds <c>definition_versions.published_by</c> (SQLite 8, PostgreSQL 11) on a database that already
/// holds a published version: that version's publisher was never recorded and reads as null, and publishes from then
/// on record theirs.
/// </summary>
[TestFixture]
public sealed class PublishedByMigrationTests
{
    // The same history table MigrationRunner creates, so that the runner sees the older migrations as applied.
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version bigint NOT NULL PRIMARY KEY,
            name text NOT NULL,
            applied_at bigint NOT NULL
        )
        """;

    [Test]
    public async Task Sqlite_versions_published_before_migration_8_read_as_not_recorded()
    {
        using var folder = new TempDirectory("automation-sqlite");
        await using var database = new SqliteDatabase($"Data Source={folder.Combine("old.db")}");
        await AssertUpgradeAsync(database, 8);
    }

    [Test]
    public async Task Postgres_versions_published_before_migration_11_read_as_not_recorded()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("publishedby");
        try
        {
            await using var database = new PostgresDatabase(connectionString);
            await AssertUpgradeAsync(database, 11);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task AssertUpgradeAsync(SqlDatabase database, int publishedByMigration)
    {
        var id = NewId("def");
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(CreateHistory, transaction: transaction);
            foreach (var migration in database.Dialect.Migrations.Where(m => m.Version < publishedByMigration).OrderBy(m => m.Version))
            {
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, 0)",
                    new { Version = (long)migration.Version, migration.Name }, transaction);
            }

            // A version saved by alice and published (by someone nobody wrote down) before the upgrade.
            await connection.ExecuteAsync("""
                INSERT INTO definitions (id, name, description, latest_version, published_version, created_at, updated_at, updated_by)
                VALUES (@Id, 'Old', NULL, 1, 1, 1000, 2000, 'alice')
                """, new { Id = id }, transaction);
            await connection.ExecuteAsync("""
                INSERT INTO definition_versions (definition_id, version, json, is_published, created_at, updated_at, updated_by, published_at, comment)
                VALUES (@Id, 1, @Json, 1, 1000, 1000, 'alice', 2000, 'before the upgrade')
                """, new { Id = id, Json = StoredJson.Write(Definition(id, "Old")) }, transaction);
            return 0;
        }, CancellationToken.None);

        var applied = await new MigrationRunner(database, TimeProvider.System).RunAsync(CancellationToken.None);
        Assert.That(applied, Does.Contain(publishedByMigration));

        var store = new SqlDefinitionStore(database, TimeProvider.System, TimeSpan.Zero);
        var old = await store.GetVersionAsync(id, 1);
        Assert.That(old!.IsPublished, Is.True);
        Assert.That(old.PublishedAt, Is.Not.Null);
        Assert.That(old.UpdatedBy, Is.EqualTo("alice"));
        Assert.That(old.PublishedBy, Is.Null, "nobody recorded who published it");

        await store.SaveDraftAsync(Definition(id, "New"), "bob");
        await store.PublishAsync(id, null, "carol");
        var versions = await store.ListVersionsAsync(id);
        Assert.That(versions.Select(v => (v.Version, v.PublishedBy)), Is.EqualTo(new[] { (2, (string?)"carol"), (1, null) }));
    }
}
