using Automation.Bots.Browser.Workers;

namespace Automation.Server.BotHosting;

/// <summary>Registers the bot host.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Reads <see cref="BotHostOptions"/> from <c>Automation:Bots</c> and runs the <see cref="BotHost"/> (also registered as
    /// itself, for its worker ids). The bots are the <see cref="IQueueBot"/> services registered (for example by
    /// <c>AddSampleBots</c>) and those in the assemblies listed under <c>Automation:Bots:Assemblies</c>. Also runs <see cref="BotRegistryCleanup"/>. The host's shutdown time is raised above the stop grace so that items can finish.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value under <c>Automation:Bots</c> is not valid (the message names it).</exception>
    public static IServiceCollection AddBotHost(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new BotHostOptions();
        BotHostConfiguration.Bind(configuration.GetSection(BotHostConfiguration.SectionName), options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.Configure<HostOptions>(o =>
        {
            var needed = options.StopGrace + TimeSpan.FromSeconds(15);
            if (o.ShutdownTimeout < needed) o.ShutdownTimeout = needed;
        });
        foreach (var bot in BotAssemblies.Load(configuration.GetSection($"{BotHostConfiguration.SectionName}:Assemblies")))
            services.AddSingleton(typeof(IQueueBot), bot);
        services.AddSingleton<BotHost>();
        services.AddHostedService(sp => sp.GetRequiredService<BotHost>());
        services.AddHostedService<BotRegistryCleanup>();
        return services;
    }
}
