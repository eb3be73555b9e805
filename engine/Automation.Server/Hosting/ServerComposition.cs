using System.Diagnostics;
using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Mail;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Hosting;
using Automation.Engine.Runtime;
using Automation.Engine.Serialization;
using Automation.Engine.Validation;
using Automation.Server.Api;
using Automation.Server.Auth;
using Automation.Server.BotHosting;
using Automation.Server.Errors;
using Automation.Server.Logging;
using Automation.Server.Queues;
using Automation.Server.Samples;
using Automation.Server.Triggers.Files;
using Automation.Server.Triggers.Hooks;
using Automation.Server.Triggers.Schedules;
using Automation.Server.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Samples.Bots;

namespace Automation.Server.Hosting;

/// <summary>The server's services and request pipeline, in one place.</summary>
public static class ServerComposition
{
    /// <summary>Registers options, logging, stores, the engine, auth, validation, health checks and OpenAPI.</summary>
    /// <exception cref="InvalidOperationException">The configured store is not available.</exception>
    public static WebApplicationBuilder AddAutomationServer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AutomationOptions.SectionName);
        var options = section.Get<AutomationOptions>() ?? new AutomationOptions();
        var services = builder.Services;
        services.AddOptions<AutomationOptions>().Bind(section);
        services.Configure<RuntimeOptions>(section.GetSection(nameof(AutomationOptions.Runtime)));
        // Several nodes share PostgreSQL: none may take over Running instances at start-up before their leases expire.
        if (options.Store == StoreKind.Postgres) services.PostConfigure<RuntimeOptions>(o => o.SingleNode = false);

        builder.AddServerLogging(options);
        services.ConfigureHttpJsonOptions(o =>
        {
            EngineJson.Configure(o.SerializerOptions);
            // The web defaults read "5" as 5; the API takes JSON numbers only (and the OpenAPI document then says so).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad bodies and parameters throw BadHttpRequestException, which the exception handler turns into ProblemDetails.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddServerStorage(options);
        services.AddSecretProtection(options);
        // Activities: the server's own (triggers) and each module's (bots/), one assembly of [Activity] classes each.
        services.AddWorkflowEngine(activityAssemblies: [typeof(ServerComposition).Assembly, MailActivities.Assembly, typeof(BrowserPool).Assembly]);
        services.AddBrowserBots();
        services.Configure<BrowserOptions>(section.GetSection("Browser"));
        services.Configure<Engine.Triggers.TriggerOptions>(section.GetSection("Triggers"));
        services.AddSingleton<Definitions.WorkflowPublisher>();
        services.AddScheduleTriggers(options);
        services.AddHookTriggers();
        services.AddFileDropTriggers();
        services.Configure<Bots.Mail.Triggers.EmailTriggerOptions>(section.GetSection("Triggers:Email"));
        services.Configure<Bots.Mail.Accounts.MailSecurityOptions>(section.GetSection("Mail"));
        services.AddMailTriggers();
        services.AddWorkQueues();
        services.AddSampleBots();
        services.AddBotHost(builder.Configuration);

        services.AddMemoryCache();
        services.AddSingleton<ApiKeyLookup>();
        services.AddSingleton<BootstrapAdminKey>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        Policies.Add(services.AddAuthorizationBuilder());

        services.AddSingleton(_ => WorkflowSchema.Load());
        services.AddSingleton<DefinitionReader>();
        services.AddSingleton(sp => new WorkflowValidator(sp.GetRequiredService<ActivityRegistry>()));
        services.AddSingleton<IDefinitionValidator, EngineDefinitionValidator>();
        services.AddSingleton<FormDataValidator>();
        services.AddSingleton<SampleImporter>();

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            o.AddOperationTransformer<ProblemResponsesTransformer>();
            o.AddSchemaTransformer<NullableNotRequiredTransformer>();
        });
        return builder;
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication UseAutomationServer(this WebApplication app)
    {
        // Outermost, so a request is logged with the status the client got (a 404 problem, not the exception behind it).
        app.UseServerRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDesignerFiles();
        app.UseRouting();
        app.UseRouteLogContext();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapSchemaApi();
        app.MapActivitiesApi();
        app.MapDefinitionsApi();
        app.MapInstancesApi();
        app.MapSignalsApi();
        app.MapBookmarksApi();
        app.MapTasksApi();
        app.MapApiKeysApi();
        app.MapSessionApi();
        app.MapCronApi();
        app.MapCredentialsApi();
        app.MapStatisticsApi();
        app.MapTriggersApi();
        app.MapSchedulesApi();
        app.MapQuarantineApi();
        app.MapDocumentsApi();
        app.MapHooksApi();
        app.MapQueuesApi();
        app.MapQueueItemsApi();
        app.MapBotsApi();
        app.MapDesignerFallback();
        return app;
    }

    /// <summary>Prepares the store, creates the first admin key and imports the samples; call before the server starts.</summary>
    public static async Task InitializeAutomationAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await StorageSetup.InitializeStorageAsync(app.Services, cancellationToken);
        await app.Services.GetRequiredService<BootstrapAdminKey>().EnsureAsync(cancellationToken);
        await app.Services.GetRequiredService<SampleImporter>().ImportAsync(cancellationToken);
    }
}
