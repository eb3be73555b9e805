using System.Net;
using Automation.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Samples.Tests.Support;

/// <summary>
/// A sample app started in-process on Kestrel at 127.0.0.1 on a free port, with its own database in a
/// temporary folder and a test token, stopped and deleted on dispose.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string TestToken = "test-token-123";
    public const string User = "tester";
    public const string Password = "s3cret!";

    private readonly WebApplication app;
    private readonly TempDirectory folder;

    private RunningApp(WebApplication app, TempDirectory folder, Uri address)
    {
        this.app = app;
        this.folder = folder;
        Address = address;
    }

    /// <summary>The app's base address (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; }

    /// <summary>The app's database file.</summary>
    public string DatabasePath => folder.Combine("app.db");

    public static async Task<RunningApp> StartAsync(
        Func<string[], Action<IServiceCollection>?, WebApplication> create,
        string section,
        IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var folder = new TempDirectory("samples-test");
        var all = new Dictionary<string, string>
        {
            ["UserName"] = User,
            ["Password"] = Password,
            ["TestToken"] = TestToken,
            ["DatabasePath"] = folder.Combine("app.db"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }

        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        args.AddRange(all.Select(kv => $"--{section}:{kv.Key}={kv.Value}"));
        try
        {
            var app = create([.. args], services);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RunningApp(app, folder, new Uri(address + "/"));
        }
        catch
        {
            // A start that fails (a bad setting under test) must not leave its folder behind.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>A browser-like client: keeps cookies, follows redirects.</summary>
    public LegacyClient NewClient() => new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = Address });

    /// <summary>A client for the /testing read API with the token set.</summary>
    public HttpClient TestingClient(string? token = TestToken)
    {
        var c = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            c.DefaultRequestHeaders.Add("X-Test-Token", token);
        }

        return c;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
