using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Runtime;
using Automation.Engine.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Hosting;

/// <summary>Registers the workflow engine. Stores are registered separately (<c>AddAutomationStorage</c>).</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Adds the runtime, the activity registry, expressions, the timer and recovery loops, and the trigger catalog and starter.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts runtime options after configuration binding.</param>
    /// <param name="activityAssemblies">Extra assemblies with activities (modules).</param>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<RuntimeOptions>? configure = null,
        params System.Reflection.Assembly[] activityAssemblies)
    {
        services.AddOptions<RuntimeOptions>();
        services.AddOptions<ScriptingOptions>();
        services.AddOptions<TriggerOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ActivityRegistry.Create(activityAssemblies));
        services.TryAddSingleton(sp => ExpressionEvaluator.CreateDefault(sp.GetRequiredService<IOptions<ScriptingOptions>>().Value));
        services.TryAddSingleton<DurableTimers>();
        services.TryAddSingleton<BackgroundRunner>();
        services.TryAddSingleton<WorkflowRuntime>();
        services.TryAddSingleton<IWorkflowRuntime>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.TryAddSingleton<TriggerChanges>();
        services.TryAddSingleton<TriggerCatalog>();
        services.TryAddSingleton<TriggerStarter>();
        services.AddHttpClient();
        services.AddHostedService<TimerLoop>();
        services.AddHostedService<RecoveryLoop>();
        services.AddHostedService<ExpressionWarmUp>();
        return services;
    }
}
