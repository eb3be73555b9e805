using Automation.Engine.Triggers;

namespace Automation.Server.Triggers.Files;

/// <summary>Registers the file-dropped trigger.</summary>
public static class FileDropServiceCollectionExtensions
{
    /// <summary>Adds the folder host, the file processor and the quarantine handler for files.</summary>
    public static IServiceCollection AddFileDropTriggers(this IServiceCollection services)
    {
        services.AddSingleton<FileDropProcessor>();
        services.AddSingleton<IQuarantineHandler, FileQuarantineHandler>();
        services.AddHostedService<FileDropHost>();
        return services;
    }
}
