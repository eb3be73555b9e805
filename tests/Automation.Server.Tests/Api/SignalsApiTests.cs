using System.Net.Http.Json;

namespace Automation.Server.Tests.Api;

[TestFixture]
public sealed class SignalsApiTests
{
    private ServerHarness _server = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await ServerHarness.StartAsync();
        _api = _server.Client();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Signal_resumes_only_the_instance_with_the_correlation_id()
    {
        var signal = "paid-" + Guid.NewGuid().ToString("N");
        var id = await _api.PublishAsync(Flows.SignalWait(signal));
        var a = (await _api.StartAsync(id, new { @ref = "A" }))["id"]!.GetValue<string>();
        var b = (await _api.StartAsync(id, new { @ref = "B" }))["id"]!.GetValue<string>();

        var bot = _server.Client(await _server.CreateKeyAsync("signal-bot", "bot"));
        var result = await Http.ReadAsync(await bot.PostAsJsonAsync($"/api/signals/{signal}", new { correlationId = "A", payload = new { amount = 5 } }), 200);
        Assert.That(result["resumed"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(new[] { a }));

        var finished = await _api.WaitForStatusAsync(a, "finished");
        Assert.That(finished["output"]!["received"]!["amount"]!.GetValue<int>(), Is.EqualTo(5));
        var other = await Http.ReadAsync(await _api.GetAsync($"/api/workflow-instances/{b}"), 200);
        Assert.That(other["status"]!.GetValue<string>(), Is.EqualTo("suspended"));

        var none = await Http.ReadAsync(await _api.PostAsJsonAsync($"/api/signals/{signal}", new { correlationId = "Z" }), 200);
        Assert.That(none["resumed"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Signal_without_a_body_resumes_every_waiting_instance()
    {
        var signal = "all-" + Guid.NewGuid().ToString("N");
        var id = await _api.PublishAsync(Flows.SignalWait(signal));
        await _api.StartAsync(id, new { @ref = "A" });
        await _api.StartAsync(id, new { @ref = "B" });
        var result = await Http.ReadAsync(await _api.PostAsync($"/api/signals/{signal}", null), 200);
        Assert.That(result["resumed"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Bookmark_resume_continues_the_instance_then_404()
    {
        var id = await _api.PublishAsync(Flows.SignalWait("bm-" + Guid.NewGuid().ToString("N")));
        var instance = await _api.StartAsync(id, new { @ref = "R" });
        var bookmarkId = instance["bookmarks"]![0]!["id"]!.GetValue<string>();

        var resumed = await Http.ReadAsync(await _api.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { payload = new { by = "operator" } }), 200);
        Assert.That(resumed["id"]!.GetValue<string>(), Is.EqualTo(instance["id"]!.GetValue<string>()));
        var finished = await _api.WaitForStatusAsync(instance["id"]!.GetValue<string>(), "finished");
        Assert.That(finished["output"]!["received"]!["by"]!.GetValue<string>(), Is.EqualTo("operator"));

        await Http.ReadProblemAsync(await _api.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { payload = new { } }), 404);
    }
}
