using System.Net.Http.Json;

namespace Automation.Server.Tests.Auth;

[TestFixture]
public sealed class AuthenticationTests
{
    private ServerHarness _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await ServerHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("/api/workflow-definitions")]
    [TestCase("/api/workflow-instances")]
    [TestCase("/api/activities")]
    [TestCase("/api/schema/workflow")]
    [TestCase("/api/tasks")]
    [TestCase("/api/api-keys")]
    public async Task No_key_is_401_problem(string url)
    {
        using var anonymous = _server.Client(apiKey: null);
        var response = await anonymous.GetAsync(url);
        var problem = await Http.ReadProblemAsync(response, 401);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("X-Api-Key"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("ApiKey"));
    }

    [Test]
    public async Task Bad_key_is_401_problem()
    {
        using var client = _server.Client("not-a-real-key");
        var problem = await Http.ReadProblemAsync(await client.GetAsync("/api/workflow-definitions"), 401);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("not valid"));
    }

    [Test]
    public async Task Bot_key_cannot_publish_403_problem()
    {
        using var admin = _server.Client();
        var definition = Flows.Greeting();
        await Http.ReadAsync(await admin.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        using var bot = _server.Client(await _server.CreateKeyAsync("bot-1", "bot"));
        var problem = await Http.ReadProblemAsync(await bot.PostAsync($"/api/workflow-definitions/{definition["id"]}/publish", null), 403);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("bot"));
        // ...but a bot may read definitions and start instances.
        await Http.ReadArrayAsync(await bot.GetAsync("/api/workflow-definitions"), 200);
    }

    [Test]
    public async Task Roles_map_to_the_documented_policies()
    {
        using var admin = _server.Client();
        using var owner = _server.Client(await _server.CreateKeyAsync("owner", "processOwner"));
        using var op = _server.Client(await _server.CreateKeyAsync("op", "operator"));
        using var bot = _server.Client(await _server.CreateKeyAsync("bot-2", "bot"));

        // Process owners design and publish; operators do not.
        var id = await owner.PublishAsync(Flows.Greeting());
        await Http.ReadProblemAsync(await op.PostAsJsonAsync("/api/workflow-definitions", Flows.Greeting()), 403);
        await Http.ReadProblemAsync(await op.DeleteAsync($"/api/workflow-definitions/{id}"), 403);

        // Everyone starts instances.
        foreach (var client in new[] { admin, owner, op, bot }) await client.StartAsync(id, new { name = "x" });

        // Retry: admin and operator only; cancel: process owners too; signals: not process owners.
        var waiting = await admin.PublishAsync(Flows.SignalWait("roles-" + Guid.NewGuid().ToString("N")));
        var instance = await admin.StartAsync(waiting, new { @ref = "1" });
        await Http.ReadProblemAsync(await owner.PostAsync($"/api/workflow-instances/{instance["id"]}/retry", null), 403);
        await Http.ReadProblemAsync(await bot.PostAsync($"/api/workflow-instances/{instance["id"]}/cancel", null), 403);
        await Http.ReadProblemAsync(await owner.PostAsync("/api/signals/anything", null), 403);
        await Http.ReadProblemAsync(await bot.PostAsJsonAsync("/api/bookmarks/whatever/resume", new { }), 403);
        await Http.ReadAsync(await owner.PostAsync($"/api/workflow-instances/{instance["id"]}/cancel", null), 200);

        // Reading is for everyone; key management is for admins.
        foreach (var client in new[] { owner, op, bot })
        {
            await Http.ReadAsync(await client.GetAsync("/api/workflow-instances"), 200);
            await Http.ReadProblemAsync(await client.GetAsync("/api/api-keys"), 403);
        }
    }

    [Test]
    public async Task Health_and_openapi_are_anonymous()
    {
        using var anonymous = _server.Client(apiKey: null);
        var health = await anonymous.GetAsync("/health");
        Assert.That((int)health.StatusCode, Is.EqualTo(200));
        Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        Assert.That((int)(await anonymous.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(200));
    }
}
