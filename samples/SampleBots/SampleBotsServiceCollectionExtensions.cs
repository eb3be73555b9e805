using Automation.Bots.Browser.Workers;
using Microsoft.Extensions.DependencyInjection;
using Samples.Bots.Challenge;
using Samples.Bots.People;

namespace Samples.Bots;

/// <summary>Registers the sample bots (C# <see cref="IQueueBot"/>s that drive the sample web applications) with the bot host.</summary>
public static class SampleBotsServiceCollectionExtensions
{
    /// <summary>Adds every sample bot as an <see cref="IQueueBot"/>; the bot host's configuration picks them by name.</summary>
    public static IServiceCollection AddSampleBots(this IServiceCollection services)
    {
        // One line per bot; each bot lives in its own folder.
        services.AddSingleton<IQueueBot, RpaChallengeBot>();
        services.AddSingleton<IQueueBot, Invoices.InvoiceEntryBot>();
        services.AddSingleton<IQueueBot, StarterLeaverBot>();
        return services;
    }
}
