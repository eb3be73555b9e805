using Automation.Server.Hosting;
using Serilog;
using Serilog.Context;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Automation.Server.Logging;

/// <summary>
/// Serilog: structured events to the console and to a daily rolling JSON file under <c>DataDirectory/logs</c> (14 kept),
/// one event per request, and the workflow, instance, task and bookmark ids of the route on every event of a request.
/// Request logs carry method, path and status only: never headers (API keys), bodies or query strings.
/// </summary>
internal static class ServerLogging
{
    private static readonly (string Route, string Property)[] RouteIds =
        [("definitionId", "WorkflowId"), ("instanceId", "InstanceId"), ("taskId", "TaskId"), ("bookmarkId", "BookmarkId")];

    /// <summary>Replaces the default logging with Serilog.</summary>
    public static void AddServerLogging(this WebApplicationBuilder builder, AutomationOptions options)
    {
        var file = Path.Combine(options.DataDirectoryFullPath, "logs", "automation-.json");
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            // Data protection warns that its keys are unencrypted; the server uses no cookies or antiforgery tokens.
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(new RenderedCompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14),
            preserveStaticLogger: true);
    }

    /// <summary>Adds request logging and the route-id log context; call before routing.</summary>
    public static void UseServerRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger: the static Log.Logger is left alone (several servers may share a test process).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                if (context.User.Identity?.Name is { } user) diagnostics.Set("UserName", user);
                foreach (var (route, property) in RouteIds)
                    if (context.Request.RouteValues.TryGetValue(route, out var value) && value is not null) diagnostics.Set(property, value);
            };
        });
    }

    /// <summary>Pushes the route's ids into the log context of everything logged during the request; call after routing.</summary>
    public static void UseRouteLogContext(this WebApplication app) => app.Use(async (context, next) =>
    {
        var pushed = new List<IDisposable>(2);
        try
        {
            foreach (var (route, property) in RouteIds)
                if (context.Request.RouteValues.TryGetValue(route, out var value) && value is not null)
                    pushed.Add(LogContext.PushProperty(property, value));
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            for (var i = pushed.Count - 1; i >= 0; i--) pushed[i].Dispose();
        }
    });
}
