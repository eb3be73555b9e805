using Automation.Engine.Bots;
using Automation.Engine.Credentials;
using Automation.Engine.Documents;
using Automation.Engine.Queues;
using Automation.Engine.Triggers;
using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;
using Automation.Storage.Memory;
using Automation.Storage.Postgres;
using Automation.Storage.Sql;
using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Storage;

/// <summary>Registers the workflow stores.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDefinitionStore"/>, <see cref="IInstanceStore"/>, <see cref="ITaskStore"/>, <see cref="IApiKeyStore"/>,
    /// <see cref="IInstanceStatistics"/>, <see cref="IWorkQueueStore"/>, <see cref="IQueueEvidenceStore"/>, <see cref="IBotWorkerStore"/> and <see cref="IStoreInitializer"/> as singletons of the store <paramref name="options"/> chooses. Call
    /// <see cref="IStoreInitializer.InitializeAsync"/> once at start-up, before the stores are used.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store name is unknown, or postgres has no connection string.</exception>
    public static IServiceCollection AddAutomationStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var store = (options.Store ?? "").Trim().ToLowerInvariant();
        switch (store)
        {
            case StorageOptions.Memory:
                services.AddSingleton(sp => new InMemoryStore(Time(sp)));
                services.AddSingleton<IDefinitionStore>(sp => new InMemoryDefinitionStore(sp.GetRequiredService<InMemoryStore>()));
                services.AddSingleton<IInstanceStore>(sp => new InMemoryInstanceStore(sp.GetRequiredService<InMemoryStore>()));
                services.AddSingleton<ITaskStore>(sp => new InMemoryTaskStore(sp.GetRequiredService<InMemoryStore>()));
                services.AddSingleton<IApiKeyStore>(sp => new InMemoryApiKeyStore(sp.GetRequiredService<InMemoryStore>()));
                services.AddSingleton<ICredentialStore, InMemoryCredentialStore>();
                services.AddSingleton<ITriggerStore, InMemoryTriggerStore>();
                services.AddSingleton<IWorkQueueStore, InMemoryWorkQueueStore>();
                services.AddSingleton<IQueueEvidenceStore, InMemoryQueueEvidenceStore>();
                services.AddSingleton<IBotWorkerStore>(sp => new InMemoryBotWorkerStore(sp.GetRequiredService<IWorkQueueStore>()));
                services.AddSingleton<IDocumentStore>(sp => new InMemoryDocumentStore(Time(sp)));
                services.AddSingleton<IInstanceStatistics>(sp => new InMemoryInstanceStatistics(sp.GetRequiredService<InMemoryStore>()));
                services.AddSingleton<IStoreInitializer, InMemoryStoreInitializer>();
                return services;
            case StorageOptions.Sqlite:
                var sqlite = SqliteConnectionString(options);
                SqliteDatabase.Validate(sqlite);
                return AddSql(services, () => new SqliteDatabase(sqlite), options);
            case StorageOptions.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Automation__ConnectionString must be set when Automation__Store is 'postgres' (for example Host=db;Database=automation;Username=automation;Password=...).");
                }

                var postgres = options.ConnectionString;
                PostgresDatabase.Validate(postgres);
                return AddSql(services, () => new PostgresDatabase(postgres), options);
            default:
                throw new InvalidOperationException(
                    $"Automation__Store is '{options.Store}'; use 'sqlite' (the default), 'postgres' or 'memory'.");
        }
    }

    private static IServiceCollection AddSql(IServiceCollection services, Func<SqlDatabase> create, StorageOptions options)
    {
        services.AddSingleton(_ => create());
        services.AddSingleton<IDefinitionStore>(sp => new SqlDefinitionStore(sp.GetRequiredService<SqlDatabase>(), Time(sp), options.PublishedVersionCacheTtl));
        services.AddSingleton<IInstanceStore>(sp => new SqlInstanceStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<ITaskStore>(sp => new SqlTaskStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<IApiKeyStore>(sp => new SqlApiKeyStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<ICredentialStore>(sp => new SqlCredentialStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<ITriggerStore>(sp => new SqlTriggerStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<IWorkQueueStore>(sp => new SqlWorkQueueStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<IQueueEvidenceStore>(sp => new SqlQueueEvidenceStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<IBotWorkerStore>(sp => new SqlBotWorkerStore(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<IDocumentStore>(sp => new SqlDocumentStore(sp.GetRequiredService<SqlDatabase>(), Time(sp)));
        services.AddSingleton<IInstanceStatistics>(sp => new SqlInstanceStatistics(sp.GetRequiredService<SqlDatabase>()));
        services.AddSingleton<IStoreInitializer>(sp => new SqlStoreInitializer(sp.GetRequiredService<SqlDatabase>(), Time(sp)));
        return services;
    }

    /// <summary>The configured SQLite connection string, or the file <c>automation.db</c> in the data directory.</summary>
    private static string SqliteConnectionString(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new InvalidOperationException("Automation__DataDirectory must name a folder for the SQLite store (default ./data).");
        }

        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(Path.Combine(options.DataDirectory, "automation.db")) }.ToString();
    }

    private static TimeProvider Time(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}
