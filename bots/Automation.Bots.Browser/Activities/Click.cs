using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>Clicks a button, link or other element.</summary>
[Activity("Browser.Click", Category = Category, DisplayName = "Click",
    Description = "Clicks a button, link or other element, waiting until it can be clicked.")]
[Outcome(Outcomes.Done)]
[Output("target", "string", Description = "Which way of finding the element worked.")]
[Output("url", "string", Description = "The page address after the click.")]
public sealed class Click : BrowserActivity
{
    /// <summary>What to click.</summary>
    [Input(Description = "What to click: a CSS selector, or {\"role\": \"button\", \"name\": \"Save\"} with fallbacks.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>Whether to wait for the page the click loads.</summary>
    [Input(Description = "Wait until the page the click opens has loaded.")]
    public bool WaitForNavigation { get; set; }

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        var options = new LocatorClickOptions { Timeout = (float)timeout.TotalMilliseconds };
        var before = session.Page.Url;
        await ActAsync(context, session, Target, timeout, element => element.ClickAsync(options)).ConfigureAwait(false);
        if (WaitForNavigation)
        {
            // A form post may keep the address (POST back to itself): wait for the load either way.
            await session.Page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = (float)timeout.TotalMilliseconds }).ConfigureAwait(false);
            context.Logger.LogDebug("Click moved from {Before} to {After}", before, session.Page.Url);
        }
        context.SetOutput("url", session.Page.Url);
        return ActivityResult.Done;
    }
}
