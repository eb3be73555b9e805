using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;

namespace Automation.Server.Hosting;

/// <summary>Registers and prepares the store chosen by <see cref="AutomationOptions.Store"/>.</summary>
internal static class StorageSetup
{
    /// <summary>Registers the definition, instance, task and API key stores.</summary>
    /// <exception cref="InvalidOperationException">The chosen store is not available in this build.</exception>
    public static IServiceCollection AddServerStorage(this IServiceCollection services, AutomationOptions options)
    {
        // Seam: switch to Automation.Storage's AddAutomationStorage(StorageOptions) once the storage branch has it.
        if (options.Store != StoreKind.Memory)
            throw new InvalidOperationException(
                $"The {options.Store.ToString().ToLowerInvariant()} store is not available in this build yet; set Automation:Store to memory.");
        services.AddSingleton(_ => new InMemoryStore());
        services.AddSingleton<IDefinitionStore>(sp => new InMemoryDefinitionStore(sp.GetRequiredService<InMemoryStore>()));
        services.AddSingleton<IInstanceStore>(sp => new InMemoryInstanceStore(sp.GetRequiredService<InMemoryStore>()));
        services.AddSingleton<ITaskStore>(sp => new InMemoryTaskStore(sp.GetRequiredService<InMemoryStore>()));
        services.AddSingleton<IApiKeyStore>(sp => new InMemoryApiKeyStore(sp.GetRequiredService<InMemoryStore>()));
        return services;
    }

    /// <summary>Creates or migrates the store's schema; runs before the server accepts requests.</summary>
    public static Task InitializeStorageAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
