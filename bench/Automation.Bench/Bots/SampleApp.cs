using Automation.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bench.Bots;

/// <summary>
/// A legacy sample app (samples/FinanceSystem or samples/PeoplePortal) started in this process on Kestrel at 127.0.0.1
/// on a free port, with its own fresh database in a temporary folder, its sign-on and its /testing read API, as the
/// sample tests start them; stopped and deleted on dispose.
/// </summary>
internal sealed class SampleApp : IAsyncDisposable
{
    /// <summary>The user the bots sign on as (saved as their credential).</summary>
    public const string User = "benchbot";

    /// <summary>That user's password.</summary>
    public const string Password = "b3nch-pass!";

    private const string TestToken = "bench-testing-token";
    private readonly WebApplication _app;
    private readonly TempDirectory _folder;

    private SampleApp(WebApplication app, TempDirectory folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    /// <summary>The app's base address (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; }

    /// <summary>Starts the app that <paramref name="create"/> builds, its settings under <paramref name="section"/>.</summary>
    public static async Task<SampleApp> StartAsync(Func<string[], Action<IServiceCollection>?, WebApplication> create, string section, IDictionary<string, string>? settings = null)
    {
        var folder = new TempDirectory("bench-sample-app");
        var all = new Dictionary<string, string>
        {
            ["UserName"] = User, ["Password"] = Password, ["TestToken"] = TestToken, ["DatabasePath"] = folder.Combine("app.db"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) all[k] = v;
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning" };
        args.AddRange(all.Select(kv => $"--{section}:{kv.Key}={kv.Value}"));
        try
        {
            var app = create([.. args], null);
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new SampleApp(app, folder, new Uri(address + "/"));
        }
        catch
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>A client for the app's /testing read API (what the app holds, to check what a bot keyed).</summary>
    public HttpClient TestingClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Test-Token", TestToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
