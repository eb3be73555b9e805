using Automation.Testing;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Tests;

[TestFixture]
public sealed class SqliteStoreTests : StoreContractTests
{
    protected override Task<StoreSet> OpenFreshAsync()
    {
        var folder = new TempDirectory("automation-sqlite");
        return StoreSet.OpenAsync(new StorageOptions { Store = "sqlite", DataDirectory = folder.Combine("data") }, () =>
        {
            folder.Dispose();
            return ValueTask.CompletedTask;
        });
    }

    [Test]
    public async Task The_database_file_is_created_under_the_data_directory_in_WAL_mode()
    {
        using var folder = new TempDirectory("automation-sqlite");
        var dataDirectory = folder.Combine("nested", "data");
        await using (await StoreSet.OpenAsync(new StorageOptions { DataDirectory = dataDirectory }))
        {
            var file = Path.Combine(dataDirectory, "automation.db");
            Assert.That(File.Exists(file), Is.True);
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            await using var command = new SqliteCommand("PRAGMA journal_mode", connection);
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
        }
    }
}
