using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>Opens a browser session (a fresh context and page) for this instance, optionally at an address.</summary>
[Activity(Type, Category = BrowserActivity.Category, DisplayName = "Open browser",
    Description = "Opens a new browser session for this workflow, with no cookies from earlier runs, and goes to the address. Later browser steps use it until Close browser or the workflow ends.")]
[Outcome(Outcomes.Done)]
[Output("sessionId", "string", Description = "The session id; other browser steps take it (or use the latest session when left empty).")]
[Output("url", "string", Description = "The address of the page after loading.")]
[Output("title", "string", Description = "The page title.")]
public sealed class OpenBrowser : IActivity
{
    /// <summary>The type name in definitions.</summary>
    public const string Type = "Browser.Open";

    /// <summary>Where to go first.</summary>
    [Input(Description = "The address to open (http or https); leave empty for a blank page.")]
    public string? Url { get; set; }

    /// <summary>A variable to hold the session id.</summary>
    [Input(Description = "Also keep the session id in this variable (useful when a workflow opens two sessions).")]
    public string? Variable { get; set; }

    /// <inheritdoc />
    /// <exception cref="BrowserActivityException">The page did not load; a screenshot and trace were saved.</exception>
    /// <exception cref="BrowserLaunchException">Chromium cannot be started.</exception>
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!string.IsNullOrWhiteSpace(Url) && !Navigate.IsWebAddress(Url))
            return ActivityResult.Fail($"'{Url}' is not an absolute http or https address.");
        var sessions = context.Services.GetRequiredService<BrowserSessions>();
        var session = await sessions.OpenAsync(context.InstanceId, context.CancellationToken).ConfigureAwait(false);
        context.SetOutput("sessionId", session.Id);
        if (!string.IsNullOrWhiteSpace(Variable)) context.SetVariable(Variable, session.Id);
        if (!string.IsNullOrWhiteSpace(Url))
        {
            try
            {
                await session.Page.GotoAsync(Url).ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                var failure = await FailureEvidence.CaptureAsync(session, context.Services.GetService<IDocumentStore>(), context.Logger,
                    context.InstanceId, context.ActivityId, context.ActivityType, e, s => s, sessions.Pool.Options.ScreenshotOnFailure).ConfigureAwait(false);
                // The retry opens a fresh session; this one would only linger.
                await sessions.CloseAsync(session.Id).ConfigureAwait(false);
                throw failure;
            }
        }
        context.SetOutput("url", session.Page.Url);
        context.SetOutput("title", await session.Page.TitleAsync().ConfigureAwait(false));
        return ActivityResult.Done;
    }
}
