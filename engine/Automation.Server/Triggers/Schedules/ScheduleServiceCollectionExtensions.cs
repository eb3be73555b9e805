using Automation.Server.Hosting;
using Quartz;

namespace Automation.Server.Triggers.Schedules;

/// <summary>Registers the Schedule triggers: Quartz (clustered in PostgreSQL, or in memory), the schedule host and its job.</summary>
public static class ScheduleServiceCollectionExtensions
{
    /// <summary>The Quartz scheduler's instance name, the same on every node so that they form one cluster.</summary>
    public const string SchedulerName = "Automation";

    /// <summary>
    /// Adds Quartz and the schedule host. With <see cref="StoreKind.Postgres"/> Quartz uses the clustered ADO.NET store in
    /// the same database (its tables come from the server's PostgreSQL migration 8), so several nodes share the schedules
    /// and each fire time runs on one node; otherwise the in-memory store.
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is configured without a connection string.</exception>
    public static IServiceCollection AddScheduleTriggers(this IServiceCollection services, AutomationOptions options)
    {
        var persistent = options.Store == StoreKind.Postgres;
        if (persistent && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("Automation:ConnectionString is required when Automation:Store is postgres.");
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            if (persistent)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(Npgsql.NpgsqlFactory.Instance, options.ConnectionString!);
                    store.UseClustering();
                    store.UseSystemTextJsonSerializer();
                    // Job data is ids and a digest, kept as plain strings: nothing in the database needs a serializer to read.
                    store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton(new ScheduleStoreMode(persistent));
        services.AddSingleton<ScheduleFiring>();
        services.AddTransient<ScheduleJob>();
        services.AddHostedService<ScheduleHost>();
        return services;
    }
}
