namespace Automation.Server.Queues;

/// <summary>Registers the work queues' server parts.</summary>
public static class QueueServiceCollectionExtensions
{
    /// <summary>Binds <see cref="QueueOptions"/> to <c>Automation:Queues</c> and runs <see cref="QueueMaintenance"/> and the <see cref="QueueTriggerHost"/> (the store comes with the storage).</summary>
    public static IServiceCollection AddWorkQueues(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration("Automation:Queues");
        services.AddHostedService<QueueMaintenance>();
        services.AddHostedService<QueueTriggerHost>();
        return services;
    }
}
