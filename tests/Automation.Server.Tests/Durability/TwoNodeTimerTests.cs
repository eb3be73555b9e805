using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Testing;

namespace Automation.Server.Tests.Durability;

/// <summary>
/// Two real server processes on one real PostgreSQL share 200 durable timers; one is killed with SIGKILL about halfway
/// through. Every timer must be resumed exactly once, none lost, and the surviving node must take over the dead node's
/// share (including the timers it had claimed but not yet resumed, once their lease ends).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TwoNodeTimerTests
{
    private const string AdminKey = "two-node-test-admin-key-0123456789abcdef";
    private const string FlowId = "two-node-timer";
    private const int Instances = 200;
    private readonly List<string> _folders = [];
    private string _connectionString = "";

    [SetUp]
    public async Task CreateDatabaseAsync() =>
        _connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("twonode");

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        await (await PostgresServer.GetAsync()).DropDatabaseAsync(_connectionString);
        foreach (var folder in _folders)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Test]
    public async Task Two_nodes_resume_200_timers_exactly_once_and_the_survivor_takes_over_when_one_is_killed()
    {
        using var service = new CallCounter();
        var starts = await Task.WhenAll(StartNodeAsync("node-a"), StartNodeAsync("node-b"));
        await using var nodeA = starts[0];
        await using var nodeB = starts[1];
        using var apiA = Client(nodeA);
        using var apiB = Client(nodeB);
        await PublishAsync(apiA, Flow(service.Port));

        // Timers due 25 ms apart from a few seconds ahead; half the instances are started on each node.
        var firstDue = DateTimeOffset.UtcNow.AddSeconds(6);
        var startedOnA = new HashSet<string>(StringComparer.Ordinal);
        var ids = new string[Instances];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Instances; i = Interlocked.Increment(ref next))
            {
                var onA = i % 2 == 0;
                ids[i] = await StartAsync(onA ? apiA : apiB, firstDue.AddMilliseconds(25 * i));
                if (onA) lock (startedOnA) startedOnA.Add(ids[i]);
            }
        })));

        // Kill node A once about half the timers have run their step.
        var waited = Stopwatch.StartNew();
        while (service.Calls.Count < Instances / 2)
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(40)), $"only {service.Calls.Count} timers fired\n{nodeA.Output}\n{nodeB.Output}");
            await Task.Delay(20);
        }
        await nodeA.KillAsync();
        var calledBeforeKill = service.Calls.Keys.ToHashSet(StringComparer.Ordinal);

        // Node B finishes everything: its own timers, node A's later ones, and those node A had claimed when it died.
        var finished = 0;
        waited.Restart();
        while ((finished = await CountFinishedAsync(apiB)) < Instances && waited.Elapsed < TimeSpan.FromSeconds(40)) await Task.Delay(200);
        Assert.That(finished, Is.EqualTo(Instances), $"instances finished after node A was killed\n{nodeB.Output}");

        var resumedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var journal = await JournalAsync(apiB, id);
            var resumes = journal.Where(e => Kind(e) == "bookmarkresumed").ToList();
            Assert.That(resumes, Has.Count.EqualTo(1), $"instance {id}: one timer resume in the journal");
            Assert.That(journal.Count(e => Kind(e) == "instancefinished"), Is.EqualTo(1), $"instance {id}: finished once");
            Assert.That(journal.Count(e => Kind(e) == "activitycompleted" && (string?)e?["activityId"] == "call"), Is.EqualTo(1),
                $"instance {id}: the step after the timer completed once");
            resumedBy[id] = resumes[0]?["data"]?["node"]?.GetValue<string>() ?? "(none)";
            Assert.That(service.Calls.GetValueOrDefault(id), Is.GreaterThanOrEqualTo(1), $"instance {id}: the step after the timer called the service");
        }

        Assert.That(resumedBy.Values.Distinct(), Is.EquivalentTo(new[] { "node-a", "node-b" }), "both nodes resumed timers");
        var takenOver = startedOnA.Count(id => resumedBy[id] == "node-b" && !calledBeforeKill.Contains(id));
        Assert.That(takenOver, Is.GreaterThan(0), "node B resumed timers of instances started on node A after A died");
        Assert.That(resumedBy.Count(r => r.Value == "node-a"), Is.LessThanOrEqualTo(calledBeforeKill.Count),
            "node A committed no resume after it was killed");

        // The nodes split the timers instead of racing: a step ran twice only for an instance node A was resuming when it
        // was killed (at-least-once for the activity in flight), and never because both nodes resumed the same timer.
        var twice = service.Calls.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        TestContext.Out.WriteLine($"Resumed by node-a {resumedBy.Count(r => r.Value == "node-a")}, by node-b {resumedBy.Count(r => r.Value == "node-b")}; " +
            $"{takenOver} of node A's instances taken over by node B; {twice.Count} step(s) repeated; {calledBeforeKill.Count} called before the kill.");
        Assert.That(twice, Has.Count.LessThanOrEqualTo(16), "no more repeats than node A's claimed batch");
        Assert.That(twice.All(id => calledBeforeKill.Contains(id) && resumedBy[id] == "node-b"), Is.True,
            $"repeated steps were node A's in-flight work finished by node B: {string.Join(", ", twice)}");
        Assert.That(nodeB.Output, Does.Not.Contain("Could not resume timer"), "the surviving node logged no resume errors");
    }

    private async Task<ServerProcess> StartNodeAsync(string nodeId)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"automation-{nodeId}-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        lock (_folders) _folders.Add(folder);
        return await ServerProcess.StartAsync(folder, AdminKey, settings: new Dictionary<string, string>
        {
            ["Automation__Store"] = "postgres",
            ["Automation__ConnectionString"] = _connectionString,
            ["Automation__Runtime__NodeId"] = nodeId,
            // Short leases so that the dead node's claimed timers come back within seconds, not the default 2 minutes.
            ["Automation__Runtime__LeaseDuration"] = "00:00:03",
            ["Automation__Runtime__RecoveryInterval"] = "00:00:01",
            ["Automation__Runtime__TimerPollInterval"] = "00:00:00.200",
        });
    }

    private static string Kind(JsonNode? entry) => (entry?["kind"]?.GetValue<string>() ?? "").ToLowerInvariant();

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    private static async Task PublishAsync(HttpClient api, JsonObject definition)
    {
        var created = await api.PostAsJsonAsync("/api/workflow-definitions", definition);
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var published = await api.PostAsJsonAsync($"/api/workflow-definitions/{FlowId}/publish", new { comment = "test" });
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient api, DateTimeOffset due)
    {
        var response = await api.PostAsJsonAsync($"/api/workflow-definitions/{FlowId}/instances?wait=true", new { input = new { due = due.ToString("O") } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        var instance = JsonNode.Parse(body)!;
        Assert.That(instance["status"]?.GetValue<string>(), Is.EqualTo("suspended"), body);
        return instance["id"]!.GetValue<string>();
    }

    private static async Task<int> CountFinishedAsync(HttpClient api)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={FlowId}&status=finished&pageSize=500");
        return page!["items"]!.AsArray().Count;
    }

    private static async Task<List<JsonNode?>> JournalAsync(HttpClient api, string id)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}/journal?limit=1000");
        return page!["items"]!.AsArray().ToList();
    }

    private static JsonObject Flow(int port) => new()
    {
        ["id"] = FlowId,
        ["name"] = FlowId,
        ["inputs"] = new JsonArray(new JsonObject { ["name"] = "due", ["type"] = "string", ["required"] = true }),
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = "Start", ["inputs"] = new JsonObject() },
            new JsonObject { ["id"] = "wait", ["type"] = "Delay", ["inputs"] = new JsonObject { ["until"] = new JsonObject { ["$js"] = "input.due" } } },
            new JsonObject
            {
                ["id"] = "call", ["type"] = "HttpRequest",
                ["inputs"] = new JsonObject { ["url"] = new JsonObject { ["$js"] = $"'http://127.0.0.1:{port}/' + instance.id" } },
            },
            new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject() }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "start", ["outcome"] = "Done", ["to"] = "wait" },
            new JsonObject { ["from"] = "wait", ["outcome"] = "Done", ["to"] = "call" },
            new JsonObject { ["from"] = "call", ["outcome"] = "Done", ["to"] = "end" }),
    };
}
