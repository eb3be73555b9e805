using Automation.Bots.Browser.Sessions;
using Automation.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Automation.Bots.Browser.Hosting;

/// <summary>Registers the browser bot runtime. Pass <c>typeof(BrowserPool).Assembly</c> to <c>AddWorkflowEngine</c> for its activities.</summary>
public static class BrowserServiceCollectionExtensions
{
    /// <summary>Adds the shared browser (<see cref="BrowserPool"/>) and the session registry, which closes an instance's sessions when it ends.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    public static IServiceCollection AddBrowserBots(this IServiceCollection services, Action<BrowserOptions>? configure = null)
    {
        services.AddOptions<BrowserOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BrowserPool>();
        services.TryAddSingleton<BrowserSessions>();
        services.AddSingleton<IInstanceEndedHandler>(sp => sp.GetRequiredService<BrowserSessions>());
        return services;
    }
}
