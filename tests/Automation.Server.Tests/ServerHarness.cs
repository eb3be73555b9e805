using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Server.Tests;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 (a free port), with its own data directory, the in-memory store and a known
/// bootstrap admin key. Each fixture starts its own, so no test sees another fixture's data.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string AdminKey = "server-tests-admin-key-0123456789abcdef";

    private readonly bool _ownsDataDirectory;

    private ServerHarness(RunningServer server, string dataDirectory, bool ownsDataDirectory)
    {
        Server = server;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public RunningServer Server { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => Server.App.Services;

    /// <summary>Starts a server; <paramref name="settings"/> override the defaults below. A given data directory is left in place.</summary>
    public static async Task<ServerHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataDirectory = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= NewDataDirectory();
        var all = new Dictionary<string, string?>
        {
            ["Automation:Store"] = "sqlite",
            ["Automation:DataDirectory"] = dataDirectory,
            ["Automation:Samples:Load"] = "false",
            ["Automation:Auth:BootstrapAdminKey"] = AdminKey,
            ["Automation:Runtime:TimerPollInterval"] = "00:00:00.100",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var server = await AutomationServerHost.StartAsync(all, services);
        return new ServerHarness(server, dataDirectory, owns);
    }

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "automation-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A client sending <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey = AdminKey)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Creates an API key with <paramref name="roles"/> through the API and returns the clear key.</summary>
    public async Task<string> CreateKeyAsync(string name, params string[] roles)
    {
        using var admin = Client();
        var response = await admin.PostAsJsonAsync("/api/api-keys", new { name, roles });
        var body = await Http.ReadAsync(response, 201);
        return body["key"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (!_ownsDataDirectory) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Small HTTP helpers that put the response body in the failure message.</summary>
internal static class Http
{
    /// <summary>Asserts the status and returns the body as a JSON object.</summary>
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expectedStatus), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["value"] = JsonNode.Parse(text) };
    }

    /// <summary>Asserts the status and returns the body as a JSON array.</summary>
    public static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expectedStatus), text);
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>Asserts a ProblemDetails answer with this status and returns it.</summary>
    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, int expectedStatus)
    {
        var problem = await ReadAsync(response, expectedStatus);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["status"]?.GetValue<int>(), Is.EqualTo(expectedStatus));
        Assert.That(problem["title"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        return problem;
    }

    /// <summary>POSTs raw JSON text.</summary>
    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    /// <summary>PUTs raw JSON text.</summary>
    public static Task<HttpResponseMessage> PutJsonTextAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    /// <summary>Creates and publishes a definition; returns its id.</summary>
    public static async Task<string> PublishAsync(this HttpClient client, JsonObject definition)
    {
        var id = definition["id"]!.GetValue<string>();
        await ReadAsync(await client.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        await ReadAsync(await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" }), 200);
        return id;
    }

    /// <summary>Starts an instance and returns it.</summary>
    public static async Task<JsonObject> StartAsync(this HttpClient client, string definitionId, object? input = null, string? correlationId = null, bool wait = true)
    {
        var response = await client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/instances?wait={(wait ? "true" : "false")}",
            new { input = input ?? new { }, correlationId });
        return await ReadAsync(response, wait ? 200 : 201);
    }

    /// <summary>Polls an instance until it has <paramref name="status"/>.</summary>
    public static async Task<JsonObject> WaitForStatusAsync(this HttpClient client, string instanceId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonObject? instance = null;
        while (DateTime.UtcNow < deadline)
        {
            instance = await ReadAsync(await client.GetAsync($"/api/workflow-instances/{instanceId}"), 200);
            if (instance["status"]?.GetValue<string>() == status) return instance;
            await Task.Delay(50);
        }
        Assert.Fail($"Instance {instanceId} did not become {status}: {instance?.ToJsonString()}");
        return null!;
    }
}
