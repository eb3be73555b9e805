using Automation.Testing;

namespace Automation.Storage.Tests;

[TestFixture]
public sealed class PostgresStoreTests : StoreContractTests
{
    protected override async Task<StoreSet> OpenFreshAsync()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("storage");
        return await StoreSet.OpenAsync(new StorageOptions { Store = "postgres", ConnectionString = database }, () => new ValueTask(server.DropDatabaseAsync(database)));
    }

    [Test]
    public async Task Two_nodes_starting_at_once_both_migrate_safely()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("race");
        var options = new StorageOptions { Store = "postgres", ConnectionString = database };

        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => StoreSet.OpenAsync(options))));

        foreach (var node in nodes)
        {
            Assert.That(await node.Definitions.IsEmptyAsync(), Is.True);
            await node.DisposeAsync();
        }

        await server.DropDatabaseAsync(database);
    }
}
