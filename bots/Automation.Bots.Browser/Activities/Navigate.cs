using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>Goes to an address in the session's page.</summary>
[Activity("Browser.Navigate", Category = Category, DisplayName = "Go to address",
    Description = "Loads an address in the browser session's page and waits for it to load.")]
[Outcome(Outcomes.Done)]
[Output("url", "string", Description = "The address after any redirects.")]
[Output("title", "string", Description = "The page title.")]
[Output("status", "number", Description = "The HTTP status of the page (0 when there was no response, e.g. a same-page link).")]
public sealed class Navigate : BrowserActivity
{
    /// <summary>Where to go.</summary>
    [Input(Description = "The address to open (http or https).", Required = true)]
    public string Url { get; set; } = "";

    /// <summary>What counts as loaded.</summary>
    [Input(Description = "When the page counts as loaded: Load (everything), DOMContentLoaded (the HTML) or NetworkIdle (no requests for a moment).")]
    public WaitUntilState WaitUntil { get; set; } = WaitUntilState.Load;

    internal static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        if (!IsWebAddress(Url)) return ActivityResult.Fail($"'{Url}' is not an absolute http or https address.");
        var response = await session.Page.GotoAsync(Url, new PageGotoOptions { WaitUntil = WaitUntil }).ConfigureAwait(false);
        context.SetOutput("url", session.Page.Url);
        context.SetOutput("title", await session.Page.TitleAsync().ConfigureAwait(false));
        context.SetOutput("status", response?.Status ?? 0);
        return ActivityResult.Done;
    }
}
