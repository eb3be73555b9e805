using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Server.Tests.Durability;
using Automation.Testing;

namespace Automation.Server.Tests.Bots;

/// <summary>
/// A server process running the bot host on PostgreSQL is killed (SIGKILL) with an item in hand; a second server
/// process on the same database takes the item once its lease has run out, and the registry shows the dead worker offline.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class BotProcessKillTests
{
    private const string AdminKey = "bot-kill-test-admin-key-0123456789abcdef";
    private string _connectionString = "";
    private KeyingPage _page = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("botkill");
        _page = new KeyingPage();
    }

    [TearDown]
    public async Task DropDatabase()
    {
        _page.Dispose();
        await (await PostgresServer.GetAsync()).DropDatabaseAsync(_connectionString);
    }

    private Task<ServerProcess> StartAsync(string queue, bool hang) =>
        ServerProcess.StartAsync(Path.GetTempPath(), AdminKey, settings: new Dictionary<string, string>
        {
            ["Automation__Store"] = "postgres",
            ["Automation__ConnectionString"] = _connectionString,
            ["Automation__Queues__MaintenanceInterval"] = "00:00:00.500",
            ["Automation__Bots__HeartbeatInterval"] = "00:00:00.500",
            ["Automation__Bots__Assemblies__0"] = Path.Combine(AppContext.BaseDirectory, "Automation.Bots.TestBots.dll"),
            ["Automation__Bots__Pools__0__Bot"] = "test-keyer",
            ["Automation__Bots__Pools__0__Queue"] = queue,
            ["Automation__Bots__Pools__0__Settings__url"] = _page.Url,
            // The first process's bot never finishes an item, so it is caught with the item in hand.
            ["Automation__Bots__Pools__0__Settings__hang"] = hang ? "true" : "false",
        });

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    private static string S(JsonNode? node) => node!.GetValue<string>();

    [Test]
    public async Task An_item_held_by_a_killed_bot_process_is_taken_by_another_process_after_its_lease_ends()
    {
        var queue = Flows.NewId("keying");
        string itemId, firstWorker;
        var first = await StartAsync(queue, hang: true);
        await using (first)
        {
            using var api = Client(first);
            await Http.ReadAsync(await api.PutJsonTextAsync($"/api/queues/{queue}", """{"maxAttempts":3,"leaseSeconds":3}"""), 201);
            var added = await Http.ReadAsync(await api.PostJsonTextAsync($"/api/queues/{queue}/items", """{"reference":"INV-KILL","data":{}}"""), 201);
            itemId = S(added["added"]![0]!["id"]);

            JsonNode? holder = null;
            for (var deadline = DateTime.UtcNow.AddSeconds(60); holder is null && DateTime.UtcNow < deadline; await Task.Delay(100))
                holder = (await api.GetFromJsonAsync<JsonArray>("/api/bots"))!.FirstOrDefault(w => w!["itemId"]?.GetValue<string>() == itemId);
            Assert.That(holder, Is.Not.Null, "the first process's worker took the item:\n" + first.Output);
            Assert.That((S(holder!["status"]), holder["online"]!.GetValue<bool>()), Is.EqualTo(("working", true)));
            firstWorker = S(holder["id"]);

            await first.KillAsync();
        }

        await using var second = await StartAsync(queue, hang: false);
        using var api2 = Client(second);
        JsonObject detail = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            detail = await Http.ReadAsync(await api2.GetAsync($"/api/queue-items/{itemId}"), 200);
            if (S(detail["item"]!["status"]) == "successful") break;
        }

        var item = detail["item"]!;
        Assert.That(S(item["status"]), Is.EqualTo("successful"), detail.ToJsonString() + "\n" + second.Output);
        Assert.That(S(item["heldBy"]), Is.Not.EqualTo(firstWorker).And.StartWith("test-keyer@"), "a worker of the second process finished it");
        Assert.That(S(item["output"]!["saved"]), Is.EqualTo("Saved INV-KILL"));
        Assert.That(item["attempts"]!.GetValue<int>(), Is.EqualTo(2));
        var history = detail["history"]!.AsArray().Select(e => (S(e!["action"]), e["actor"]?.GetValue<string>())).ToList();
        Assert.That(history, Is.EqualTo(new[]
        {
            ("added", (string?)"bootstrap-admin"), ("taken", firstWorker), ("leaseExpired", null), ("taken", S(item["heldBy"])), ("completed", S(item["heldBy"])),
        }));
        Assert.That(S(detail["history"]![2]!["failureCode"]), Is.EqualTo("lease-expired"));

        var bots = (await api2.GetFromJsonAsync<JsonArray>("/api/bots"))!;
        var dead = bots.Single(w => S(w!["id"]) == firstWorker)!;
        Assert.That(dead["online"]!.GetValue<bool>(), Is.False, "the killed process's worker is offline (no heartbeat for 3 intervals)");
        Assert.That(bots.Single(w => S(w!["id"]) == S(item["heldBy"]))!["online"]!.GetValue<bool>(), Is.True);
    }
}
