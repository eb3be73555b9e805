using Automation.Testing;
using Dapper;
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

    [TestCaseSource(typeof(HotQueries), nameof(HotQueries.All))]
    public async Task Hot_queries_use_an_index(HotQueries.Query query)
    {
        await using var store = await OpenFreshAsync();
        await using var connection = new SqliteConnection($"Data Source={store.Location};Pooling=False");
        await connection.OpenAsync();

        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + query.Sql, query.Parameters))
            .Select(row => row.Detail).ToList();

        Assert.That(plan, Has.None.Match(@"^SCAN \w+$"), "full table scan: " + string.Join(" | ", plan));
        if (!query.MaySort)
        {
            Assert.That(plan, Has.None.Contains("TEMP B-TREE"), "sorts every match: " + string.Join(" | ", plan));
        }
    }

    [Test]
    public async Task No_secret_is_written_to_the_database_files_in_clear()
    {
        using var folder = new TempDirectory("automation-sqlite");
        var dataDirectory = folder.Combine("data");
        var secret = "plaintext-" + Guid.NewGuid().ToString("N");
        await using (var store = await StoreSet.OpenAsync(new StorageOptions { DataDirectory = dataDirectory }))
        {
            var vault = new Automation.Engine.Credentials.CredentialVault(store.Credentials,
                new Automation.Engine.Credentials.AesGcmSecretProtector(Automation.Engine.Credentials.AesGcmSecretProtector.NewKey()), TimeProvider.System);
            await vault.SaveAsync(new Automation.Engine.Credentials.CredentialInput("finance", "usernamePassword", null,
                new System.Text.Json.Nodes.JsonObject { ["username"] = "bot" }, new Dictionary<string, string?> { ["password"] = secret }), "admin");
            Assert.That((await vault.GetSecretsAsync("finance"))["password"], Is.EqualTo(secret));
        }

        SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(dataDirectory).SelectMany(File.ReadAllBytes).ToArray();
        Assert.That(bytes, Is.Not.Empty);
        Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.Not.Contain(secret).And.Contain("bot"),
            "the user name is stored as it is, the password only encrypted");
    }
}
