using System.Net;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Bots.TestBots;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Server.Tests.Flows;

namespace Automation.Server.Tests.Bots;

/// <summary>
/// The bot host in a real server (SQLite, real Chromium) with a test bot keying into a local page: workers share a
/// queue, each outcome settles the item as the bot contract says, evidence is readable, a stop is graceful, the
/// registry and metrics show what happened, and only admins, operators and process owners may read them.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class BotHostTests
{
    private KeyingPage _page = null!;
    private readonly List<ServerHarness> _servers = [];

    [OneTimeSetUp]
    public void StartPage() => _page = new KeyingPage();

    [OneTimeTearDown]
    public void StopPage() => _page.Dispose();

    [TearDown]
    public async Task StopServers()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        _servers.Clear();
    }

    private async Task<ServerHarness> StartAsync(string queue, int workers = 1, string? review = null, string grace = "00:00:10",
        Dictionary<string, string?>? more = null, string? dataDirectory = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Automation:Bots:HeartbeatInterval"] = "00:00:00.500",
            ["Automation:Bots:StopGrace"] = grace,
            ["Automation:Bots:Pools:0:Bot"] = "test-keyer",
            ["Automation:Bots:Pools:0:Queue"] = queue,
            ["Automation:Bots:Pools:0:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Automation:Bots:Pools:0:Settings:url"] = _page.Url,
            ["Automation:Bots:Pools:0:BusinessExceptionWorkflow"] = review,
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        var server = await ServerHarness.StartAsync(settings, s => s.AddSingleton<IQueueBot, TestKeyerBot>(), dataDirectory);
        _servers.Add(server);
        return server;
    }

    private static async Task CreateQueueAsync(HttpClient api, string queue, int maxAttempts = 3, int leaseSeconds = 30) =>
        await Http.ReadAsync(await api.PutJsonTextAsync($"/api/queues/{queue}", $$"""{"maxAttempts":{{maxAttempts}},"leaseSeconds":{{leaseSeconds}}}"""), 201);

    private static async Task<List<string>> AddAsync(HttpClient api, string queue, string items)
    {
        var added = await Http.ReadAsync(await api.PostJsonTextAsync($"/api/queues/{queue}/items", items), 201);
        return [.. added["added"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
    }

    private static async Task<JsonObject> ItemAsync(HttpClient api, string id) => await Http.ReadAsync(await api.GetAsync($"/api/queue-items/{id}"), 200);

    private static async Task<JsonObject> WaitForItemAsync(HttpClient api, string id, params string[] statuses)
    {
        JsonObject detail = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            detail = await ItemAsync(api, id);
            if (statuses.Contains(detail["item"]!["status"]!.GetValue<string>())) return detail;
        }

        Assert.Fail($"Item {id} did not become {string.Join(" or ", statuses)}: {detail.ToJsonString()}");
        return detail;
    }

    private static async Task<JsonArray> WaitForBotsAsync(HttpClient api, Func<JsonArray, bool> condition, string what)
    {
        JsonArray bots = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            bots = await Http.ReadArrayAsync(await api.GetAsync("/api/bots"), 200);
            if (condition(bots)) return bots;
        }

        Assert.Fail($"The registry never showed {what}: {bots.ToJsonString()}");
        return bots;
    }

    private static string S(JsonNode? node) => node!.GetValue<string>();

    [Test]
    public async Task Workers_share_a_queue_each_item_is_handled_once_and_the_registry_and_metrics_show_it()
    {
        var queue = NewId("keying");
        var server = await StartAsync(queue, workers: 3);
        using var api = server.Client();
        await CreateQueueAsync(api, queue);
        var ids = await AddAsync(api, queue, "[" + string.Join(",", Enumerable.Range(1, 9).Select(i => $$$"""{"reference":"INV-{{{i}}}","data":{"action":"sleep","ms":400}}""")) + "]");

        // While they work, the registry shows workers online with an item of ours in hand.
        var working = await WaitForBotsAsync(api, b => b.Any(w => S(w!["status"]) == "working" && ids.Contains(w!["itemId"]?.GetValue<string>() ?? "")),
            "a worker with an item in hand");
        var busy = working.First(w => S(w!["status"]) == "working")!;
        Assert.That(busy["online"]!.GetValue<bool>(), Is.True);
        Assert.That(S(busy["itemReference"]), Does.StartWith("INV-"));
        Assert.That(S(busy["queue"]), Is.EqualTo(queue));

        var holders = new HashSet<string>();
        foreach (var id in ids)
        {
            var detail = await WaitForItemAsync(api, id, "successful");
            var item = detail["item"]!;
            Assert.That(S(item["output"]!["saved"]), Is.EqualTo($"Saved {S(item["reference"])}"), "the bot keyed the item's own reference");
            var actions = detail["history"]!.AsArray().Select(e => S(e!["action"])).ToList();
            Assert.That(actions, Is.EqualTo(new[] { "added", "taken", "completed" }), $"item {id} was taken and completed once");
            Assert.That(TestKeyerBot.Calls[id], Is.EqualTo(1), $"item {id} was handed to the bot once");
            holders.Add(S(item["heldBy"]));
        }

        Assert.That(holders, Has.Count.GreaterThan(1), "several workers shared the queue");
        Assert.That(holders, Has.All.Match("^test-keyer@.+#[1-3]-[0-9a-f]{6}$"));

        var bots = await WaitForBotsAsync(api, b => b.Count(w => S(w!["queue"]) == queue && S(w!["status"]) == "idle") == 3, "three idle workers");
        Assert.That(bots.Where(w => S(w!["queue"]) == queue).Sum(w => w!["itemsHandled"]!.GetValue<long>()), Is.EqualTo(9));

        using var operatorApi = server.Client(await server.CreateKeyAsync("ops", "operator"));
        var metrics = await Http.ReadAsync(await operatorApi.GetAsync("/api/bots/metrics?hours=3"), 200);
        var mine = metrics["bots"]!.AsArray().Single(b => S(b!["queue"]) == queue)!;
        Assert.That((S(mine["bot"]), mine["successful"]!.GetValue<long>(), mine["failed"]!.GetValue<long>(), mine["itemsPerHour"]!.GetValue<double>()),
            Is.EqualTo(("test-keyer", 9L, 0L, 3.0)));

        using var ownerApi = server.Client(await server.CreateKeyAsync("owner", "processOwner"));
        Assert.That((await ownerApi.GetAsync("/api/bots")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var botApi = server.Client(await server.CreateKeyAsync("robot", "bot"));
        await Http.ReadProblemAsync(await botApi.GetAsync("/api/bots"), 403);
        await Http.ReadProblemAsync(await botApi.GetAsync("/api/bots/metrics"), 403);
        using var anonymous = server.Client(null);
        Assert.That((await anonymous.GetAsync("/api/bots")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await Http.ReadProblemAsync(await operatorApi.GetAsync("/api/bots/metrics?hours=0"), 400);
    }

    [Test]
    public async Task A_business_exception_fails_the_item_with_its_code_and_starts_the_review_workflow_once()
    {
        var queue = NewId("keying");
        var review = NewId("supplier-review");
        var server = await StartAsync(queue, review: review);
        using var api = server.Client();
        await api.PublishAsync(Flow(review,
            [Node("start", "Start"), Node("note", "SetVariable", new JsonObject { ["variable"] = "note", ["value"] = Js("'check ' + input.reference") }), Node("end", "End")],
            [Edge("start", "note"), Edge("note", "end")], outputs: ["note"], variables: [new JsonObject { ["name"] = "note", ["type"] = "string" }]));
        await CreateQueueAsync(api, queue);
        var id = (await AddAsync(api, queue, """{"reference":"INV-77","data":{"action":"business","supplier":"ACME Ltd"}}"""))[0];

        var item = (await WaitForItemAsync(api, id, "failed"))["item"]!;
        Assert.That((S(item["failureKind"]), S(item["failureCode"]), item["attempts"]!.GetValue<int>()), Is.EqualTo(("business", "unknown-supplier", 1)));
        Assert.That(S(item["failureReason"]), Is.EqualTo("Supplier ACME Ltd does not exist in the finance system."));

        JsonArray instances = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && instances.Count == 0; await Task.Delay(100))
            instances = (await Http.ReadAsync(await api.GetAsync($"/api/workflow-instances?definitionId={review}"), 200))["items"]!.AsArray();
        Assert.That(instances, Has.Count.EqualTo(1), "one review for the one failed attempt");
        var instance = await api.WaitForStatusAsync(S(instances[0]!["id"]), "finished");
        Assert.That(instance["input"]!["itemId"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That((S(instance["input"]!["queue"]), S(instance["input"]!["code"]), S(instance["input"]!["data"]!["supplier"])),
            Is.EqualTo((queue, "unknown-supplier", "ACME Ltd")));
        Assert.That(S(instance["output"]!["note"]), Is.EqualTo("check INV-77"));

        var stats = await Http.ReadAsync(await api.GetAsync($"/api/queues/{queue}/statistics"), 200);
        Assert.That(stats["failuresByReason"]!.ToJsonString(), Is.EqualTo($$"""[{"queue":"{{queue}}","kind":"business","code":"unknown-supplier","count":1}]"""));
        var metrics = await Http.ReadAsync(await api.GetAsync("/api/bots/metrics"), 200);
        Assert.That(metrics["failuresByReason"]!.AsArray().Single(f => S(f!["queue"]) == queue)!["code"]!.GetValue<string>(), Is.EqualTo("unknown-supplier"));
        Assert.That((await Http.ReadAsync(await api.GetAsync($"/api/workflow-instances?definitionId={review}"), 200))["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_system_exception_saves_a_screenshot_and_trace_per_attempt_and_is_retried_until_the_queue_fails_it()
    {
        var queue = NewId("keying");
        var server = await StartAsync(queue);
        using var api = server.Client();
        await CreateQueueAsync(api, queue, maxAttempts: 2);
        var id = (await AddAsync(api, queue, """{"reference":"INV-9","data":{"action":"system"}}"""))[0];

        var detail = await WaitForItemAsync(api, id, "failed");
        var item = detail["item"]!;
        Assert.That((S(item["failureKind"]), S(item["failureCode"]), item["attempts"]!.GetValue<int>()), Is.EqualTo(("system", "TimeoutException", 2)));
        Assert.That(S(item["failureReason"]), Does.Contain("Post to ledger").And.Contain("Evidence: screenshot document"));
        Assert.That(detail["history"]!.AsArray().Where(e => S(e!["action"]) == "failed").Select(e => S(e!["status"])), Is.EqualTo(new[] { "retried", "failed" }));

        var evidence = detail["evidence"]!.AsArray();
        Assert.That(evidence.Select(e => (e!["attempt"]!.GetValue<int>(), S(e!["kind"]))).Order(),
            Is.EqualTo(new[] { (1, "screenshot"), (1, "trace"), (2, "screenshot"), (2, "trace") }));
        using var operatorApi = server.Client(await server.CreateKeyAsync("ops", "operator"));
        foreach (var e in evidence)
        {
            var response = await operatorApi.GetAsync($"/api/documents/{S(e!["documentId"])}/content");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an operator reads the evidence");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(S(e["contentType"])));
            if (S(e["kind"]) == "screenshot") Assert.That(bytes[..4], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), "a PNG");
            else Assert.That(bytes[..2], Is.EqualTo("PK"u8.ToArray()), "a zip (the Playwright trace)");
            Assert.That(S(e["name"]), Does.StartWith("INV-9-attempt"));
        }
    }

    [Test]
    public async Task Stopping_finishes_an_item_within_the_grace_gives_back_one_that_overruns_it_and_the_registry_shows_the_workers_stopped()
    {
        var queue = NewId("keying");
        var dataDirectory = ServerHarness.NewDataDirectory();
        var server = await StartAsync(queue, workers: 2, grace: "00:00:08", dataDirectory: dataDirectory);
        using (var api = server.Client())
        {
            await CreateQueueAsync(api, queue);
            var ids = await AddAsync(api, queue, """[{"reference":"QUICK","data":{"action":"sleep","ms":2500}},{"reference":"STUCK","data":{"action":"hang"}}]""");
            await WaitForBotsAsync(api, b => b.Count(w => S(w!["status"]) == "working" && ids.Contains(w!["itemId"]?.GetValue<string>() ?? "")) == 2,
                "both workers with an item");
            // Stop once the bot has both (the browser has started): the quick one then needs about 2.5 s of the 8 s grace.
            while (!ids.All(TestKeyerBot.Calls.ContainsKey)) await Task.Delay(50);
        }

        await server.DisposeAsync();
        _servers.Remove(server);

        var after = await StartAsync(queue, more: new() { ["Automation:Bots:Enabled"] = "false" }, dataDirectory: dataDirectory);
        using var api2 = after.Client();
        var items = (await Http.ReadAsync(await api2.GetAsync($"/api/queues/{queue}/items"), 200))["items"]!.AsArray();
        var quick = items.Single(i => S(i!["reference"]) == "QUICK")!;
        var stuck = items.Single(i => S(i!["reference"]) == "STUCK")!;
        Assert.That(S(quick["status"]), Is.EqualTo("successful"),
            "the item that finished within the grace was completed: " + (await ItemAsync(api2, S(quick["id"]))).ToJsonString());
        Assert.That((S(stuck["status"]), stuck["attempts"]!.GetValue<int>()), Is.EqualTo(("new", 0)), "the overrunning item was given back, its attempt not counted");
        var history = (await ItemAsync(api2, S(stuck["id"])))["history"]!.AsArray();
        Assert.That(S(history[^1]!["action"]), Is.EqualTo("released"));

        var bots = (await Http.ReadArrayAsync(await api2.GetAsync("/api/bots"), 200)).Where(w => S(w!["queue"]) == queue).ToList();
        Assert.That(bots, Has.Count.EqualTo(2));
        Assert.That(bots.Select(w => (S(w!["status"]), w!["online"]!.GetValue<bool>(), w["itemId"])), Has.All.EqualTo(("stopped", false, (JsonNode?)null)));
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task An_item_abandoned_while_its_bot_works_stops_the_bot_and_the_worker_goes_on_to_the_next_item()
    {
        var queue = NewId("keying");
        var server = await StartAsync(queue);
        using var api = server.Client();
        await CreateQueueAsync(api, queue);
        var stuck = (await AddAsync(api, queue, """{"reference":"STUCK","data":{"action":"hang"}}"""))[0];
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !TestKeyerBot.Calls.ContainsKey(stuck); await Task.Delay(50))
            if (DateTime.UtcNow > deadline) Assert.Fail("The bot never got the item");

        await Http.ReadAsync(await api.PostAsync($"/api/queue-items/{stuck}/abandon", null), 200);
        var next = (await AddAsync(api, queue, """{"reference":"NEXT","data":{"action":"sleep","ms":100}}"""))[0];

        // The pool has one worker: the next item is done only if the hanging bot was stopped when its heartbeat was refused.
        await WaitForItemAsync(api, next, "successful");
        var abandoned = await ItemAsync(api, stuck);
        Assert.That(S(abandoned["item"]!["status"]), Is.EqualTo("abandoned"));
        Assert.That(abandoned["history"]!.AsArray().Select(e => S(e!["action"])), Is.EqualTo(new[] { "added", "taken", "abandoned" }),
            "the worker settled nothing on an item it no longer held");
        await WaitForBotsAsync(api, b => b.Any(w => S(w!["queue"]) == queue && S(w!["status"]) == "idle" && w["itemsHandled"]!.GetValue<long>() == 1),
            "the worker idle with one item handled (the abandoned one does not count)");
    }

    [Test]
    public async Task A_pool_naming_an_unknown_bot_or_queue_is_reported_misconfigured_and_the_server_runs_on()
    {
        var server = await StartAsync("no-such-queue", more: new()
        {
            ["Automation:Bots:Pools:1:Bot"] = "no-such-bot", ["Automation:Bots:Pools:1:Queue"] = "anything", ["Automation:Bots:Pools:1:Name"] = "typo",
        });
        using var api = server.Client();
        var bots = await WaitForBotsAsync(api, b => b.Count(w => S(w!["status"]) == "misconfigured") == 2, "two misconfigured pools");
        var queueless = bots.Single(w => S(w!["queue"]) == "no-such-queue")!;
        Assert.That(S(queueless["error"]), Does.Contain("there is no queue 'no-such-queue'"));
        var botless = bots.Single(w => S(w!["pool"]) == "typo")!;
        Assert.That(S(botless["error"]), Does.Contain("there is no bot 'no-such-bot'").And.Contain("test-keyer"));
        Assert.That(botless["online"]!.GetValue<bool>(), Is.False);
        Assert.That((await api.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
