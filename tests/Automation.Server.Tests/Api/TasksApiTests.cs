using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

[TestFixture]
public sealed class TasksApiTests
{
    private ServerHarness _server = null!;
    private HttpClient _admin = null!;
    private HttpClient _operator = null!;
    private HttpClient _bot = null!;
    private string _flow = "";

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await ServerHarness.StartAsync();
        _admin = _server.Client();
        _operator = _server.Client(await _server.CreateKeyAsync("olive", "operator"));
        _bot = _server.Client(await _server.CreateKeyAsync("robot", "bot"));
        _flow = await _admin.PublishAsync(Flows.Approval());
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _admin.Dispose();
        _operator.Dispose();
        _bot.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(string InstanceId, JsonObject Task)> StartApprovalAsync()
    {
        var instance = await _admin.StartAsync(_flow);
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("suspended"), instance.ToJsonString());
        var instanceId = instance["id"]!.GetValue<string>();
        var page = await Http.ReadAsync(await _operator.GetAsync($"/api/tasks?instanceId={instanceId}"), 200);
        return (instanceId, page["items"]!.AsArray().Single()!.AsObject());
    }

    [Test]
    public async Task Suspended_on_a_task_then_completed_through_the_api_finishes()
    {
        var (instanceId, task) = await StartApprovalAsync();
        Assert.That(task["title"]!.GetValue<string>(), Is.EqualTo("Approve the request"));
        Assert.That(task["status"]!.GetValue<string>(), Is.EqualTo("open"));
        Assert.That(task["role"]!.GetValue<string>(), Is.EqualTo("operator"));

        var single = await Http.ReadAsync(await _operator.GetAsync($"/api/tasks/{task["id"]}"), 200);
        Assert.That(single["instanceId"]!.GetValue<string>(), Is.EqualTo(instanceId));
        Assert.That(single["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "Approve", "Reject" }));

        var completed = await Http.ReadAsync(await _operator.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "Reject", data = new { comment = "too dear" } }), 200);
        Assert.That(completed["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(completed["completedBy"]!.GetValue<string>(), Is.EqualTo("olive"));

        var finished = await _admin.WaitForStatusAsync(instanceId, "finished");
        Assert.That(finished["output"]!["decision"]!.GetValue<string>(), Is.EqualTo("rejected: too dear"));

        await Http.ReadProblemAsync(await _operator.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Approve", data = new { comment = "again" } }), 409);
        var done = await Http.ReadAsync(await _operator.GetAsync($"/api/tasks/{task["id"]}"), 200);
        Assert.That(done["outcomes"], Is.Null, "a completed task offers no outcomes");
    }

    [Test]
    public async Task Form_data_is_checked_against_the_form_schema()
    {
        var (_, task) = await StartApprovalAsync();
        var problem = await Http.ReadProblemAsync(await _operator.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "Approve", data = new { comment = "this comment is far longer than twenty characters" } }), 400);
        Assert.That(problem["errors"]!.AsArray().Select(e => e!["field"]?.GetValue<string>()), Does.Contain("comment"), problem.ToJsonString());

        problem = await Http.ReadProblemAsync(await _operator.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Approve" }), 400);
        var missing = problem["errors"]!.AsArray().Single()!;
        Assert.That((missing["code"]!.GetValue<string>(), missing["field"]!.GetValue<string>()), Is.EqualTo(("schema-property-required", "comment")));
        Assert.That(missing["message"]!.GetValue<string>(), Is.EqualTo("comment is required but missing."), "form data has no lines to point at");

        problem = await Http.ReadProblemAsync(await _operator.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "Maybe", data = new { comment = "ok" } }), 400);
        var outcomeError = problem["errors"]!.AsArray().Single()!;
        Assert.That((outcomeError["code"]!.GetValue<string>(), outcomeError["field"]!.GetValue<string>()), Is.EqualTo(("invalid-outcome", "outcome")));
        Assert.That(outcomeError["message"]!.GetValue<string>(), Does.Contain("Approve, Reject"));
    }

    [Test]
    public async Task Mine_lists_tasks_for_my_roles_only()
    {
        var (_, task) = await StartApprovalAsync();
        var taskId = task["id"]!.GetValue<string>();
        var mine = await Http.ReadAsync(await _operator.GetAsync("/api/tasks?mine=true&status=open&pageSize=500"), 200);
        Assert.That(Ids(mine), Does.Contain(taskId));
        var botMine = await Http.ReadAsync(await _bot.GetAsync("/api/tasks?mine=true&pageSize=500"), 200);
        Assert.That(Ids(botMine), Does.Not.Contain(taskId));
        var botAll = await Http.ReadAsync(await _bot.GetAsync("/api/tasks?pageSize=500"), 200);
        Assert.That(Ids(botAll), Does.Not.Contain(taskId), "a bot does not see the operators' tasks, asked for its own or not");
    }

    [Test]
    public async Task A_bot_sees_tasks_for_it_its_role_and_anyone_while_an_operator_sees_all()
    {
        var forBotRole = await StartTaskAsync(role: "bot", assignee: null);
        var forRobot = await StartTaskAsync(role: null, assignee: "robot");
        var forAnyone = await StartTaskAsync(role: null, assignee: null);
        var forOperators = await StartTaskAsync(role: "operator", assignee: null);
        var forSomeoneElse = await StartTaskAsync(role: "bot", assignee: "someone");

        var botAll = Ids(await Http.ReadAsync(await _bot.GetAsync("/api/tasks?status=open&pageSize=500"), 200));
        Assert.That(botAll, Is.SupersetOf(new[] { forBotRole, forRobot, forAnyone }));
        Assert.That(botAll, Does.Not.Contain(forOperators).And.Not.Contain(forSomeoneElse));

        var operatorAll = Ids(await Http.ReadAsync(await _operator.GetAsync("/api/tasks?status=open&pageSize=500"), 200));
        Assert.That(operatorAll, Is.SupersetOf(new[] { forBotRole, forRobot, forAnyone, forOperators, forSomeoneElse }));
        var operatorMine = Ids(await Http.ReadAsync(await _operator.GetAsync("/api/tasks?mine=true&status=open&pageSize=500"), 200));
        Assert.That(operatorMine, Is.SupersetOf(new[] { forAnyone, forOperators }));
        Assert.That(operatorMine, Does.Not.Contain(forBotRole).And.Not.Contain(forRobot).And.Not.Contain(forSomeoneElse));

        // Once the bot completes a task for anyone it keeps seeing it; the operator completing the bot's task hides nothing.
        await Http.ReadAsync(await _bot.PostAsJsonAsync($"/api/tasks/{forAnyone}/complete", new { outcome = "Approve", data = new { comment = "ok" } }), 200);
        var botDone = Ids(await Http.ReadAsync(await _bot.GetAsync("/api/tasks?status=completed&pageSize=500"), 200));
        Assert.That(botDone, Does.Contain(forAnyone));
        await Http.ReadAsync(await _bot.GetAsync($"/api/tasks/{forRobot}"), 200);
    }

    [Test]
    public async Task A_task_the_caller_may_not_see_is_404()
    {
        var (_, task) = await StartApprovalAsync();
        var taskId = task["id"]!.GetValue<string>();
        var owner = _server.Client(await _server.CreateKeyAsync("petra", "processOwner"));

        var problem = await Http.ReadProblemAsync(await _bot.GetAsync($"/api/tasks/{taskId}"), 404);
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo($"Task '{taskId}' does not exist."), "the same answer as for a task that does not exist");
        await Http.ReadProblemAsync(await owner.GetAsync($"/api/tasks/{taskId}"), 404);
        await Http.ReadAsync(await _operator.GetAsync($"/api/tasks/{taskId}"), 200);
        await Http.ReadAsync(await _admin.GetAsync($"/api/tasks/{taskId}"), 200);
    }

    private async Task<string> StartTaskAsync(string? role, string? assignee)
    {
        var flow = await _admin.PublishAsync(Flows.Approval(role: role, assignee: assignee));
        var instance = await _admin.StartAsync(flow);
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("suspended"), instance.ToJsonString());
        var page = await Http.ReadAsync(await _admin.GetAsync($"/api/tasks?instanceId={instance["id"]!.GetValue<string>()}"), 200);
        return page["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
    }

    private static string[] Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>())];

    [Test]
    public async Task Claim_release_and_role_checks()
    {
        var (_, task) = await StartApprovalAsync();
        var taskId = task["id"]!.GetValue<string>();

        // The bot may not see the operators' task, so to it the task does not exist.
        await Http.ReadProblemAsync(await _bot.PostAsync($"/api/tasks/{taskId}/claim", null), 404);
        await Http.ReadProblemAsync(await _bot.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Approve", data = new { comment = "x" } }), 404);
        await Http.ReadProblemAsync(await _bot.PostAsJsonAsync($"/api/tasks/{taskId}/release", new { }), 404);
        // An operator sees every task but works only those for the operator role (or anyone): a bot-role task is 403.
        var botTask = await StartTaskAsync(role: "bot", assignee: null);
        var forbidden = await Http.ReadProblemAsync(await _operator.PostAsync($"/api/tasks/{botTask}/claim", null), 403);
        Assert.That(forbidden["detail"]!.GetValue<string>(), Does.Contain("bot role"));

        var claimed = await Http.ReadAsync(await _operator.PostAsync($"/api/tasks/{taskId}/claim", null), 200);
        Assert.That(claimed["status"]!.GetValue<string>(), Is.EqualTo("claimed"));
        Assert.That(claimed["claimedBy"]!.GetValue<string>(), Is.EqualTo("olive"));

        var other = _server.Client(await _server.CreateKeyAsync("oscar", "operator"));
        await Http.ReadProblemAsync(await other.PostAsync($"/api/tasks/{taskId}/claim", null), 409);
        await Http.ReadProblemAsync(await other.PostAsJsonAsync($"/api/tasks/{taskId}/release", new { }), 403);

        var released = await Http.ReadAsync(await _operator.PostAsJsonAsync($"/api/tasks/{taskId}/release", new { }), 200);
        Assert.That(released["status"]!.GetValue<string>(), Is.EqualTo("open"));
        Assert.That(released["claimedBy"], Is.Null);

        var handed = await Http.ReadAsync(await _admin.PostAsJsonAsync($"/api/tasks/{taskId}/release", new { assignee = "oscar" }), 200);
        Assert.That(handed["assignee"]!.GetValue<string>(), Is.EqualTo("oscar"));
        await Http.ReadProblemAsync(await _operator.PostAsync($"/api/tasks/{taskId}/claim", null), 403);
        await Http.ReadAsync(await other.PostAsync($"/api/tasks/{taskId}/claim", null), 200);
    }

    [Test]
    public async Task Unknown_task_is_404()
    {
        await Http.ReadProblemAsync(await _operator.GetAsync("/api/tasks/nope"), 404);
        await Http.ReadProblemAsync(await _operator.PostAsync("/api/tasks/nope/claim", null), 404);
        await Http.ReadProblemAsync(await _operator.PostAsJsonAsync("/api/tasks/nope/complete", new { }), 404);
    }

    [Test]
    public async Task Task_list_pages_with_a_cursor()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await StartApprovalAsync()).Task["id"]!.GetValue<string>());
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Http.ReadAsync(await _admin.GetAsync("/api/tasks?pageSize=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")), 200);
            seen.AddRange(page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && seen.Count < 100);
        Assert.That(seen, Is.Unique.And.SupersetOf(ids));
    }
}
