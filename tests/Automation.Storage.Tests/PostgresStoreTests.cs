using Automation.Testing;
using Dapper;
using Npgsql;

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

    [TestCaseSource(typeof(HotQueries), nameof(HotQueries.All))]
    public async Task Hot_queries_use_an_index(HotQueries.Query query)
    {
        // With sequential scans and sorts priced out, a plan that still has one has no index to use instead.
        await using var connection = new NpgsqlConnection(planStore!.Location);
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET enable_seqscan = off; SET enable_sort = off");

        var plan = (await connection.QueryAsync<string>("EXPLAIN " + query.Sql, query.Parameters)).ToList();

        Assert.That(plan, Has.None.Contains("Seq Scan"), string.Join("\n", plan));
        if (!query.MaySort)
        {
            Assert.That(plan, Has.None.Match(@"^\s*(->\s*)?Sort\b"), string.Join("\n", plan));
        }
    }

    private StoreSet? planStore;

    [OneTimeSetUp]
    public async Task OpenPlanStoreAsync() => planStore = await OpenFreshAsync();

    [OneTimeTearDown]
    public async Task ClosePlanStoreAsync()
    {
        if (planStore is not null)
        {
            await planStore.DisposeAsync();
        }
    }
}
