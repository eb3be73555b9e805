using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>Waits until an element appears (or goes), or the page reaches an address.</summary>
[Activity("Browser.WaitFor", Category = Category, DisplayName = "Wait for element",
    Description = "Waits until an element is shown (or hidden), or until the page's address matches; fails with a screenshot when it does not happen in time.")]
[Outcome(Outcomes.Done)]
[Output("target", "string", Description = "Which way of finding the element worked.")]
[Output("url", "string", Description = "The page address when the wait ended.")]
public sealed class WaitFor : BrowserActivity
{
    /// <summary>The element to wait for.</summary>
    [Input(Description = "The element to wait for: a CSS selector, or {\"text\": \"Invoice saved\"} with fallbacks.", Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>The state to wait for.</summary>
    [Input(Description = "Visible (shown), Hidden (gone or hidden), Attached or Detached.")]
    public WaitForSelectorState State { get; set; } = WaitForSelectorState.Visible;

    /// <summary>An address pattern to wait for.</summary>
    [Input(Description = "Wait until the page address matches this pattern instead, e.g. **/invoices/*.")]
    public string? Url { get; set; }

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        if (Target is null && string.IsNullOrWhiteSpace(Url)) return ActivityResult.Fail("Give a target to wait for, or an address pattern.");
        var ms = (float)timeout.TotalMilliseconds;
        if (!string.IsNullOrWhiteSpace(Url))
            await session.Page.WaitForURLAsync(Url, new PageWaitForURLOptions { Timeout = ms }).ConfigureAwait(false);
        if (Target is not null)
        {
            if (State is WaitForSelectorState.Visible or WaitForSelectorState.Attached)
            {
                var element = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
                await element.Locator.WaitForAsync(new LocatorWaitForOptions { State = State, Timeout = ms }).ConfigureAwait(false);
            }
            else
            {
                // Hidden or detached: every alternative must stop matching something visible.
                foreach (var alternative in Targets.Target.Parse(Target).Alternatives)
                    await alternative.Locate(session.Page).First.WaitForAsync(new LocatorWaitForOptions { State = State, Timeout = ms }).ConfigureAwait(false);
            }
        }
        context.SetOutput("url", session.Page.Url);
        return ActivityResult.Done;
    }
}
