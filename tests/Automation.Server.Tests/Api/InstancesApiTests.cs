using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

[TestFixture]
internal sealed class InstancesApiTests : ServerTestBase
{
    [Test]
    public async Task Start_with_wait_returns_the_finished_instance_with_output()
    {
        var id = await Api.PublishAsync(Flows.Greeting());
        var instance = await Api.StartAsync(id, new { name = "Ada" }, correlationId: "case-1");
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("finished"), instance.ToJsonString());
        Assert.That(instance["output"]!["greeting"]!.GetValue<string>(), Is.EqualTo("Hello Ada"));
        Assert.That(instance["correlationId"]!.GetValue<string>(), Is.EqualTo("case-1"));
        Assert.That(instance["definitionVersion"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Start_without_wait_returns_201_and_runs_in_the_background()
    {
        var id = await Api.PublishAsync(Flows.Greeting());
        var response = await Api.PostAsJsonAsync($"/api/workflow-definitions/{id}/instances", new { input = new { name = "Bo" } });
        var instance = await Http.ReadAsync(response, 201);
        var instanceId = instance["id"]!.GetValue<string>();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/workflow-instances/{instanceId}"));
        var finished = await Api.WaitForStatusAsync(instanceId, "finished");
        Assert.That(finished["output"]!["greeting"]!.GetValue<string>(), Is.EqualTo("Hello Bo"));
    }

    [Test]
    public async Task Start_of_an_unknown_or_unpublished_definition_is_404()
    {
        var problem = await Http.ReadProblemAsync(
            await Api.PostAsJsonAsync("/api/workflow-definitions/no-such-flow/instances?wait=true", new { input = new { } }), 404);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("no-such-flow"));

        var draft = Flows.Greeting();
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", draft), 201);
        await Http.ReadProblemAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{draft["id"]}/instances", new { input = new { name = "x" } }), 404);
    }

    [Test]
    public async Task Start_with_invalid_input_is_400_listing_the_problems()
    {
        var id = await Api.PublishAsync(Flows.Greeting());
        var problem = await Http.ReadProblemAsync(
            await Api.PostAsJsonAsync($"/api/workflow-definitions/{id}/instances?wait=true", new { input = new { name = 42 } }), 400);
        Assert.That(problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()), Has.Some.EqualTo("input.name"));
        Assert.That(problem["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()), Has.Some.Contains("'name'"));
    }

    [Test]
    public async Task Detail_masks_secret_variables_and_lists_bookmarks()
    {
        var id = await Api.PublishAsync(Flows.SignalWait("detail-" + Guid.NewGuid().ToString("N")));
        var started = await Api.StartAsync(id, new { @ref = "A" });
        Assert.That(started["status"]!.GetValue<string>(), Is.EqualTo("suspended"), started.ToJsonString());
        var detail = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{started["id"]}"), 200);
        Assert.That(detail["variables"]!["token"]!.GetValue<string>(), Is.EqualTo("***"));
        Assert.That(detail["variables"]!["plain"]!.GetValue<string>(), Is.EqualTo("visible"));
        Assert.That(detail.ToJsonString(), Does.Not.Contain("s3cr3t-value"));
        var bookmark = detail["bookmarks"]!.AsArray().Single()!;
        Assert.That(bookmark["kind"]!.GetValue<string>(), Is.EqualTo("Signal"));
        Assert.That(bookmark["correlationId"]!.GetValue<string>(), Is.EqualTo("A"));
        Assert.That(detail["incidents"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Children_lists_the_instances_a_parent_started_with_run_workflow()
    {
        var signal = "child-" + Guid.NewGuid().ToString("N");
        var child = await Api.PublishAsync(Flows.SignalWait(signal));
        var parent = await Api.PublishAsync(Flows.Flow(Flows.NewId("parent"),
            [Flows.Node("start", "Start"), Flows.Node("run", "RunWorkflow", new JsonObject { ["workflowId"] = child }), Flows.Node("end", "End")],
            [Flows.Edge("start", "run"), Flows.Edge("run", "end")]));
        var started = await Api.StartAsync(parent);
        var parentId = started["id"]!.GetValue<string>();
        var wait = started["bookmarks"]!.AsArray().Single()!;
        Assert.That(wait["kind"]!.GetValue<string>(), Is.EqualTo("ChildWorkflow"));
        var childId = wait["name"]!.GetValue<string>();
        await Api.WaitForStatusAsync(childId, "suspended");

        var children = await Http.ReadArrayAsync(await Api.GetAsync($"/api/workflow-instances/{parentId}/children"), 200);
        var only = children.Single()!;
        Assert.That(only["id"]!.GetValue<string>(), Is.EqualTo(childId), "the wait is named after the child it waits for");
        Assert.That(only["definitionId"]!.GetValue<string>(), Is.EqualTo(child));
        Assert.That(only["parentInstanceId"]!.GetValue<string>(), Is.EqualTo(parentId));
        Assert.That(only["status"]!.GetValue<string>(), Is.EqualTo("suspended"));
        Assert.That(await Http.ReadArrayAsync(await Api.GetAsync($"/api/workflow-instances/{childId}/children"), 200), Is.Empty);

        using var anonymous = Server.Client(apiKey: null);
        Assert.That((int)(await anonymous.GetAsync($"/api/workflow-instances/{parentId}/children")).StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task Get_unknown_instance_is_404()
    {
        await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-instances/nope"), 404);
        await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-instances/nope/journal"), 404);
        await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-instances/nope/children"), 404);
        await Http.ReadProblemAsync(await Api.PostAsync("/api/workflow-instances/nope/cancel", null), 404);
        await Http.ReadProblemAsync(await Api.PostAsync("/api/workflow-instances/nope/retry", null), 404);
    }

    [Test]
    public async Task List_pages_with_a_cursor_and_filters()
    {
        var id = await Api.PublishAsync(Flows.Greeting());
        var started = new List<string>();
        for (var i = 0; i < 5; i++) started.Add((await Api.StartAsync(id, new { name = $"n{i}" }))["id"]!.GetValue<string>());
        await Api.StartAsync(id, new { name = "other" }, correlationId: "special");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/workflow-instances?definitionId={id}&pageSize=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await Http.ReadAsync(await Api.GetAsync(url), 200);
            var items = page["items"]!.AsArray();
            Assert.That(items.Count, Is.LessThanOrEqualTo(2));
            seen.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);
        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Has.Count.EqualTo(6).And.Unique);
        Assert.That(seen, Is.SupersetOf(started));

        var special = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?correlationId=special&status=Finished"), 200);
        Assert.That(special["items"]!.AsArray().Select(i => i!["correlationId"]!.GetValue<string>()), Is.EqualTo(new[] { "special" }));

        var none = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={id}&status=faulted"), 200);
        Assert.That(none["items"]!.AsArray(), Is.Empty);

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var later = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={id}&from={future}"), 200);
        Assert.That(later["items"]!.AsArray(), Is.Empty);

        var badStatus = await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-instances?status=sleeping"), 400);
        Assert.That(badStatus["detail"]!.GetValue<string>(), Does.Contain("suspended"));
        await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-instances?cursor=not-a-cursor!"), 400);
    }

    [Test]
    public async Task Journal_pages_after_a_sequence()
    {
        var id = await Api.PublishAsync(Flows.Greeting());
        var instance = await Api.StartAsync(id, new { name = "Jo" });
        var all = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{instance["id"]}/journal"), 200);
        var entries = all["items"]!.AsArray();
        Assert.That(entries.Count, Is.GreaterThanOrEqualTo(4));
        Assert.That(entries[0]!["kind"]!.GetValue<string>(), Is.EqualTo("instanceStarted"));
        Assert.That(all["nextAfter"], Is.Null);

        var first = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{instance["id"]}/journal?limit=2"), 200);
        Assert.That(first["items"]!.AsArray(), Has.Count.EqualTo(2));
        var after = first["nextAfter"]!.GetValue<long>();
        var rest = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{instance["id"]}/journal?after={after}"), 200);
        Assert.That(rest["items"]![0]!["sequence"]!.GetValue<long>(), Is.EqualTo(after + 1));
        Assert.That(rest["items"]!.AsArray().Count + 2, Is.EqualTo(entries.Count));
    }

    [Test]
    public async Task Retry_of_a_faulted_instance_and_409_for_others()
    {
        var id = await Api.PublishAsync(Flows.Failing());
        var instance = await Api.StartAsync(id);
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("faulted"), instance.ToJsonString());
        Assert.That(instance["incidents"]!.AsArray(), Is.Not.Empty);
        var retried = await Http.ReadAsync(await Api.PostAsync($"/api/workflow-instances/{instance["id"]}/retry", null), 200);
        Assert.That(retried["id"]!.GetValue<string>(), Is.EqualTo(instance["id"]!.GetValue<string>()));
        Assert.That(retried["incidents"]!.AsArray().Any(i => i!["resolved"]!.GetValue<bool>()), Is.True, retried.ToJsonString());

        var greeting = await Api.StartAsync(await Api.PublishAsync(Flows.Greeting()), new { name = "x" });
        await Http.ReadProblemAsync(await Api.PostAsync($"/api/workflow-instances/{greeting["id"]}/retry", null), 409);
    }

    [Test]
    public async Task Cancel_a_waiting_instance_then_409()
    {
        var id = await Api.PublishAsync(Flows.SignalWait("cancel-" + Guid.NewGuid().ToString("N")));
        var instance = await Api.StartAsync(id, new { @ref = "C" });
        var cancelled = await Http.ReadAsync(await Api.PostAsync($"/api/workflow-instances/{instance["id"]}/cancel", null), 200);
        Assert.That(cancelled["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
        await Http.ReadProblemAsync(await Api.PostAsync($"/api/workflow-instances/{instance["id"]}/cancel", null), 409);
    }
}
