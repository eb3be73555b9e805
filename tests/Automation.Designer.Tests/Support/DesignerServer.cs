using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Server.Hosting;

namespace Automation.Designer.Tests.Support;

/// <summary>
/// The real server (API and built designer) on Kestrel at 127.0.0.1 with its own SQLite data directory and a known
/// admin key. Each test fixture starts one, so fixtures see none of each other's workflows.
/// </summary>
public sealed class DesignerServer : IAsyncDisposable
{
    /// <summary>The bootstrap admin key.</summary>
    public const string AdminKey = "designer-tests-admin-key-0123456789abcdef";

    private readonly Automation.Testing.TempDirectory _data;

    private DesignerServer(RunningServer server, Automation.Testing.TempDirectory data)
    {
        Server = server;
        _data = data;
    }

    /// <summary>The running server.</summary>
    public RunningServer Server { get; }

    /// <summary>The address pages are loaded from, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => Server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Starts a server; <paramref name="settings"/> override the defaults.</summary>
    public static async Task<DesignerServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var data = new Automation.Testing.TempDirectory("automation-designer-tests");
        var all = new Dictionary<string, string?>
        {
            ["Automation:Store"] = "sqlite",
            ["Automation:DataDirectory"] = data.Path,
            ["Automation:Samples:Load"] = "false",
            ["Automation:Auth:BootstrapAdminKey"] = AdminKey,
            ["Automation:Runtime:TimerPollInterval"] = "00:00:00.100",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var server = await AutomationServerHost.StartAsync(all, services);
        return new DesignerServer(server, data);
    }

    /// <summary>The SQLite database file the server keeps its data in.</summary>
    public string DatabaseFile => System.IO.Path.Combine(_data.Path, "automation.db");

    /// <summary>An API client sending <paramref name="apiKey"/>.</summary>
    public HttpClient Client(string apiKey = AdminKey)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Creates an API key with <paramref name="roles"/> through the API and returns the clear key.</summary>
    public async Task<string> CreateKeyAsync(string name, params string[] roles)
    {
        using var admin = Client();
        using var response = await admin.PostAsJsonAsync("/api/api-keys", new { name, roles });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["key"]!.GetValue<string>();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
