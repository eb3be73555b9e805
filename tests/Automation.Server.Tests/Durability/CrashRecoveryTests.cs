using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Durability;

/// <summary>
/// Kills a real server process with SIGKILL while instances are mid-activity, suspended on a timer and waiting on a
/// human task, starts it again on the same SQLite file, and checks that every instance finishes with nothing lost.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private const string AdminKey = "crash-test-admin-key-0123456789abcdef";
    private string _dataDirectory = "";

    [SetUp]
    public void CreateDataDirectory()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "automation-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
    }

    [TearDown]
    public void DeleteDataDirectory()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task Instances_finish_after_the_server_is_killed_and_restarted()
    {
        using var service = new SlowService();
        var first = await ServerProcess.StartAsync(_dataDirectory, AdminKey);
        string midActivity, onTimer, onTask;
        await using (first)
        {
            using var api = Client(first);
            await PublishAsync(api, MidActivityFlow(service.Url));
            await PublishAsync(api, TimerFlow());
            await PublishAsync(api, TaskFlow());

            midActivity = await StartAsync(api, "crash-http", wait: false);
            await service.FirstCall.WaitAsync(TimeSpan.FromSeconds(30));
            onTimer = await StartAsync(api, "crash-timer", wait: true);
            onTask = await StartAsync(api, "crash-task", wait: true);
            Assert.That(await StatusAsync(api, onTimer), Is.EqualTo("suspended"));
            Assert.That(await StatusAsync(api, onTask), Is.EqualTo("suspended"));
            Assert.That(await StatusAsync(api, midActivity), Is.EqualTo("running"));

            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(_dataDirectory, AdminKey);
        using var api2 = Client(second);

        // The instance killed mid-call continues from its last checkpoint: the call runs again (at-least-once).
        var http = await WaitForStatusAsync(api2, midActivity, "finished", second);
        Assert.That(service.Calls, Is.EqualTo(2), "the in-flight HTTP call is made again after the restart, once");
        Assert.That(http["output"]?["result"]?["call"]?.GetValue<int>(), Is.EqualTo(2));
        Assert.That(http["output"]?["before"]?.GetValue<string>(), Is.EqualTo("set before the call"));

        // The durable timer fires after the restart.
        await WaitForStatusAsync(api2, onTimer, "finished", second);

        // The human task survived and completing it finishes the instance.
        var tasks = await api2.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={onTask}");
        var task = tasks!["items"]!.AsArray().Single()!;
        var complete = await api2.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Done", data = new { note = "after restart" } });
        Assert.That((int)complete.StatusCode, Is.EqualTo(200), await complete.Content.ReadAsStringAsync());
        var done = await WaitForStatusAsync(api2, onTask, "finished", second);
        Assert.That(done["output"]?["note"]?.GetValue<string>(), Is.EqualTo("after restart"));
    }

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
        var published = await api.PostAsJsonAsync($"/api/workflow-definitions/{definition["id"]}/publish", new { comment = "test" });
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient api, string definitionId, bool wait)
    {
        var response = await api.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/instances?wait={wait.ToString().ToLowerInvariant()}", new { input = new { } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    private static async Task<string?> StatusAsync(HttpClient api, string id) =>
        (await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}"))?["status"]?.GetValue<string>();

    private static async Task<JsonObject> WaitForStatusAsync(HttpClient api, string id, string status, ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject? instance = null;
        while (DateTime.UtcNow < deadline)
        {
            instance = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{id}");
            if (instance?["status"]?.GetValue<string>() == status) return instance;
            await Task.Delay(100);
        }
        Assert.Fail($"Instance {id} did not become {status}; last seen: {instance?.ToJsonString()}\nServer output:\n{server.Output}");
        return null!;
    }

    private static JsonObject Flow(string id, JsonArray activities, JsonArray connections, params string[] outputs) => new()
    {
        ["id"] = id,
        ["name"] = id,
        ["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)new JsonObject { ["name"] = o }).ToArray()),
        ["variables"] = new JsonArray(outputs.Select(o => (JsonNode)new JsonObject { ["name"] = o }).ToArray()),
        ["activities"] = activities,
        ["connections"] = connections,
    };

    private static JsonObject Node(string id, string type, JsonObject? inputs = null) =>
        new() { ["id"] = id, ["type"] = type, ["inputs"] = inputs ?? new JsonObject() };

    private static JsonObject Edge(string from, string to, string outcome = "Done") =>
        new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };

    private static JsonObject MidActivityFlow(string url) => Flow("crash-http",
        [
            Node("start", "Start"),
            Node("before", "SetVariable", new JsonObject { ["variable"] = "before", ["value"] = "set before the call" }),
            Node("call", "HttpRequest", new JsonObject { ["url"] = url, ["timeout"] = "00:05:00" }),
            Node("keep", "SetVariable", new JsonObject { ["variable"] = "result", ["value"] = new JsonObject { ["$js"] = "activities.call.output.body" } }),
            Node("end", "End"),
        ],
        [Edge("start", "before"), Edge("before", "call"), Edge("call", "keep"), Edge("keep", "end")],
        "before", "result");

    private static JsonObject TimerFlow() => Flow("crash-timer",
        [
            Node("start", "Start"),
            Node("wait", "Delay", new JsonObject { ["duration"] = "00:00:03" }),
            Node("end", "End"),
        ],
        [Edge("start", "wait"), Edge("wait", "end")]);

    private static JsonObject TaskFlow() => Flow("crash-task",
        [
            Node("start", "Start"),
            Node("ask", "HumanTask", new JsonObject { ["title"] = "Check after crash", ["role"] = "operator" }),
            Node("keep", "SetVariable", new JsonObject { ["variable"] = "note", ["value"] = new JsonObject { ["$js"] = "activities.ask.output.data.note" } }),
            Node("end", "End"),
        ],
        [Edge("start", "ask"), Edge("ask", "keep"), Edge("keep", "end")],
        "note");
}
