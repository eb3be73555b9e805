using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Browser.Activities;

/// <summary>Closes a browser session (its pages, cookies and downloads).</summary>
[Activity("Browser.Close", Category = BrowserActivity.Category, DisplayName = "Close browser",
    Description = "Closes the browser session; its cookies and downloads are forgotten. Sessions also close when the workflow ends.")]
[Outcome(Outcomes.Done)]
[Output("closed", "boolean", Description = "False when the session was already closed.")]
public sealed class CloseBrowser : IActivity
{
    /// <summary>Which session.</summary>
    [Input(Description = "The session id from Browser.Open; leave empty to close the one this workflow opened last.")]
    public string? Session { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var sessions = context.Services.GetRequiredService<BrowserSessions>();
        BrowserSession session;
        try
        {
            session = sessions.Get(context.InstanceId, Session);
        }
        catch (BrowserSessionException)
        {
            // Closing what is already closed (a crashed browser, a second Close) is not a failure.
            context.SetOutput("closed", false);
            return ActivityResult.Done;
        }
        context.SetOutput("closed", await sessions.CloseAsync(session.Id).ConfigureAwait(false));
        return ActivityResult.Done;
    }
}
