using System.Net.Http.Json;

namespace Automation.Server.Tests.Api;

[TestFixture]
internal sealed class SignalsApiTests : ServerTestBase
{
    [Test]
    public async Task Signal_resumes_only_the_instance_with_the_correlation_id()
    {
        var signal = "paid-" + Guid.NewGuid().ToString("N");
        var id = await Api.PublishAsync(Flows.SignalWait(signal));
        var a = (await Api.StartAsync(id, new { @ref = "A" }))["id"]!.GetValue<string>();
        var b = (await Api.StartAsync(id, new { @ref = "B" }))["id"]!.GetValue<string>();

        var bot = Server.Client(await Server.CreateKeyAsync("signal-bot", "bot"));
        var result = await Http.ReadAsync(await bot.PostAsJsonAsync($"/api/signals/{signal}", new { correlationId = "A", payload = new { amount = 5 } }), 200);
        Assert.That(result["resumed"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(new[] { a }));

        var finished = await Api.WaitForStatusAsync(a, "finished");
        Assert.That(finished["output"]!["received"]!["amount"]!.GetValue<int>(), Is.EqualTo(5));
        var other = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{b}"), 200);
        Assert.That(other["status"]!.GetValue<string>(), Is.EqualTo("suspended"));

        var none = await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/signals/{signal}", new { correlationId = "Z" }), 200);
        Assert.That(none["resumed"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Signal_without_a_body_resumes_the_waits_without_a_correlation_id_only()
    {
        var signal = "all-" + Guid.NewGuid().ToString("N");
        var id = await Api.PublishAsync(Flows.SignalWait(signal));
        var correlated = await Api.StartAsync(id, new { @ref = "A" });
        var uncorrelated1 = await Api.StartAsync(id, new { });
        var uncorrelated2 = await Api.StartAsync(id, new { });

        var result = await Http.ReadAsync(await Api.PostAsync($"/api/signals/{signal}", null), 200);

        Assert.That(result["resumed"]!.AsArray().Select(r => r!.GetValue<string>()),
            Is.EquivalentTo(new[] { uncorrelated1["id"]!.GetValue<string>(), uncorrelated2["id"]!.GetValue<string>() }));
        var still = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{correlated["id"]}"), 200);
        Assert.That(still["status"]!.GetValue<string>(), Is.EqualTo("suspended"), "a wait for case A only hears case A");
    }

    [Test]
    public async Task Bookmark_resume_continues_the_instance_then_404()
    {
        var id = await Api.PublishAsync(Flows.SignalWait("bm-" + Guid.NewGuid().ToString("N")));
        var instance = await Api.StartAsync(id, new { @ref = "R" });
        var bookmarkId = instance["bookmarks"]![0]!["id"]!.GetValue<string>();

        var resumed = await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { payload = new { by = "operator" } }), 200);
        Assert.That(resumed["id"]!.GetValue<string>(), Is.EqualTo(instance["id"]!.GetValue<string>()));
        var finished = await Api.WaitForStatusAsync(instance["id"]!.GetValue<string>(), "finished");
        Assert.That(finished["output"]!["received"]!["by"]!.GetValue<string>(), Is.EqualTo("operator"));

        await Http.ReadProblemAsync(await Api.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { payload = new { } }), 404);
    }

    [Test]
    public async Task A_human_task_wait_is_not_resumed_through_the_bookmark_api()
    {
        var id = await Api.PublishAsync(Flows.Approval());
        var instance = await Api.StartAsync(id, new { });
        var bookmarkId = instance["bookmarks"]![0]!["id"]!.GetValue<string>();

        var problem = await Http.ReadProblemAsync(await Api.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { payload = new { outcome = "Approve" } }), 409);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("/api/tasks/"));
        var still = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{instance["id"]}"), 200);
        Assert.That(still["status"]!.GetValue<string>(), Is.EqualTo("suspended"));
    }
}
