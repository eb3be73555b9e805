using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Automation.Server.Hosting;

/// <summary>Builds the server (for <c>Program</c>) and starts it on a real socket (for tests and tools).</summary>
public static class AutomationServerHost
{
    /// <summary>Builds the application: configuration, services, pipeline and endpoints.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls</c>).</param>
    /// <param name="configure">Runs before the server's services are added: extra configuration, Kestrel settings.</param>
    /// <param name="configureServices">Runs after the server's services are added: replace any of them.</param>
    public static WebApplication Create(
        string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddAutomationServer();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAutomationServer();
        return app;
    }

    /// <summary>
    /// Builds, initializes and starts the server on Kestrel at <c>http://127.0.0.1:0</c> (a free port) with
    /// <paramref name="settings"/> layered over the usual configuration.
    /// </summary>
    /// <param name="settings">Configuration keys such as <c>Automation:Store</c>.</param>
    /// <param name="configureServices">Runs after the server's services are added: replace any of them.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<RunningServer> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var app = Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }, configureServices);
        try
        {
            await app.InitializeAutomationAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(app, new Uri(address));
    }
}

/// <summary>A started server; disposing stops it.</summary>
public sealed class RunningServer(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    /// <summary>The application (for its services).</summary>
    public WebApplication App { get; } = app;

    /// <summary>Where it listens, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>Stops the server and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
