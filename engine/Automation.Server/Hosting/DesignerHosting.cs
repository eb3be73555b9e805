using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Automation.Server.Hosting;

/// <summary>Serves the designer, the single-page web app built from <c>designer/</c>, at <c>/</c>.</summary>
public static class DesignerHosting
{
    /// <summary>
    /// Serves the designer's files; call before routing, so that a file is served before any endpoint is matched.
    /// Does nothing when the designer was not built.
    /// </summary>
    public static WebApplication UseDesignerFiles(this WebApplication app)
    {
        if (Files(app) is not { } files)
        {
            app.Logger.LogInformation("No designer was built: serving the API only");
            return app;
        }

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite names the bundles under /assets by content hash, so they never change; anything else is revalidated.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        return app;
    }

    /// <summary>
    /// Answers the designer's own page paths (<c>/workflows/x</c>) with its <c>index.html</c>, so that a reload or a
    /// link lands in the app. Paths under <c>/api</c>, <c>/openapi</c> and <c>/health</c>, and paths that look like
    /// files, are left alone (an unknown API path stays a 404 problem). Call after every endpoint is mapped.
    /// </summary>
    public static WebApplication MapDesignerFallback(this WebApplication app)
    {
        if (Files(app) is not { } files) return app;
        // Unknown API paths stay 404 problems; only the app's own pages fall back to index.html.
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/|api$|openapi/|health).*$)}", "index.html", new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        }).AllowAnonymous();
        return app;
    }

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AutomationOptions>>().Value;
        var directory = Path.GetFullPath(options.DesignerDirectory ?? Path.Combine(AppContext.BaseDirectory, "designer"));
        return File.Exists(Path.Combine(directory, "index.html")) ? new PhysicalFileProvider(directory) : null;
    }
}
