using Automation.Storage;

namespace Automation.Server.Hosting;

/// <summary>Registers and prepares the store chosen by <see cref="AutomationOptions.Store"/>, through Automation.Storage.</summary>
internal static class StorageSetup
{
    /// <summary>Registers the definition, instance, task and API key stores and the store's initializer.</summary>
    /// <exception cref="InvalidOperationException">The store is misconfigured (for example postgres without a connection string).</exception>
    public static IServiceCollection AddServerStorage(this IServiceCollection services, AutomationOptions options) =>
        services.AddAutomationStorage(new StorageOptions
        {
            Store = options.Store.ToString().ToLowerInvariant(),
            ConnectionString = options.ConnectionString,
            DataDirectory = options.DataDirectoryFullPath,
        });

    /// <summary>Creates or migrates the store's schema; runs before the server accepts requests.</summary>
    public static Task InitializeStorageAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IStoreInitializer>().InitializeAsync(cancellationToken);
}
