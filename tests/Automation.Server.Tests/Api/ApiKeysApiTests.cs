using System.Net.Http.Json;

namespace Automation.Server.Tests.Api;

[TestFixture]
public sealed class ApiKeysApiTests
{
    private ServerHarness _server = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await ServerHarness.StartAsync();
        _admin = _server.Client();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Create_use_list_and_revoke_a_key()
    {
        var response = await _admin.PostAsJsonAsync("/api/api-keys", new { name = "invoice-bot", roles = new[] { "bot", "operator" } });
        var created = await Http.ReadAsync(response, 201);
        var key = created["key"]!.GetValue<string>();
        var id = created["id"]!.GetValue<string>();
        Assert.That(key, Has.Length.EqualTo(43));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/api-keys/{id}"));

        using var bot = _server.Client(key);
        await Http.ReadAsync(await bot.GetAsync("/api/workflow-instances"), 200);

        var list = await Http.ReadArrayAsync(await _admin.GetAsync("/api/api-keys"), 200);
        var listed = list.Single(k => k!["id"]!.GetValue<string>() == id)!.AsObject();
        Assert.That(listed["name"]!.GetValue<string>(), Is.EqualTo("invoice-bot"));
        Assert.That(listed["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "bot", "operator" }));
        Assert.That(listed.ContainsKey("key") || listed.ContainsKey("keyHash"), Is.False, "neither the key nor its hash is ever listed");
        Assert.That(list.ToJsonString(), Does.Not.Contain(key));

        Assert.That((int)(await _admin.DeleteAsync($"/api/api-keys/{id}")).StatusCode, Is.EqualTo(204));
        await Http.ReadProblemAsync(await bot.GetAsync("/api/workflow-instances"), 401);
        list = await Http.ReadArrayAsync(await _admin.GetAsync("/api/api-keys"), 200);
        Assert.That(list.Single(k => k!["id"]!.GetValue<string>() == id)!["revokedAt"], Is.Not.Null);
    }

    [Test]
    public async Task Bad_requests_are_400_with_every_error()
    {
        var problem = await Http.ReadProblemAsync(await _admin.PostAsJsonAsync("/api/api-keys", new { name = "", roles = new[] { "wizard" } }), 400);
        Assert.That(problem["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()), Is.EquivalentTo(new[] { "invalid-name", "unknown-role" }));
        await Http.ReadProblemAsync(await _admin.PostAsJsonAsync("/api/api-keys", new { name = "x", roles = Array.Empty<string>() }), 400);
    }

    [Test]
    public async Task Revoking_an_unknown_key_is_404_and_the_last_admin_key_is_kept()
    {
        await Http.ReadProblemAsync(await _admin.DeleteAsync("/api/api-keys/no-such-key"), 404);
        var keys = await Http.ReadArrayAsync(await _admin.GetAsync("/api/api-keys"), 200);
        var bootstrap = keys.Single(k => k!["name"]!.GetValue<string>() == "bootstrap-admin")!["id"]!.GetValue<string>();
        var problem = await Http.ReadProblemAsync(await _admin.DeleteAsync($"/api/api-keys/{bootstrap}"), 409);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("last admin key"));
    }
}
