using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Browser.Activities;

/// <summary>Saves a picture of the page or of one element as a document.</summary>
[Activity("Browser.Screenshot", Category = Category, DisplayName = "Take screenshot",
    Description = "Saves a PNG picture of the page (or of one element) as a document, for the record or a person's review.")]
[Outcome(Outcomes.Done)]
[Output("documentId", "string", Description = "The saved document's id.")]
[Output("name", "string", Description = "The file name.")]
[Output("size", "number", Description = "Size in bytes.")]
public sealed class Screenshot : BrowserActivity
{
    /// <summary>One element to capture instead of the page.</summary>
    [Input(Description = "Capture only this element (a CSS selector or a target object); the page when empty.", Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>Whether to capture the whole scrollable page.</summary>
    [Input(Description = "Capture the whole page, not only what fits in the window.")]
    public bool FullPage { get; set; } = true;

    /// <summary>The file name.</summary>
    [Input(Description = "The document's file name (\".png\" is added when missing).")]
    public string? Name { get; set; }

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        var documents = context.Services.GetService<IDocumentStore>();
        if (documents is null) return ActivityResult.Fail("This host keeps no documents, so a screenshot cannot be saved.");
        byte[] png = Target is null
            ? await session.Page.ScreenshotAsync(new() { FullPage = FullPage }).ConfigureAwait(false)
            : await (await FindAsync(context, session, Target, timeout).ConfigureAwait(false)).Locator.ScreenshotAsync().ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(Name) ? $"{context.ActivityId}.png" : Name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? Name : Name + ".png";
        var document = await documents.SaveAsync(name, "image/png", png, context.InstanceId, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        context.SetOutput("documentId", document.Id);
        context.SetOutput("name", document.Name);
        context.SetOutput("size", document.Size);
        return ActivityResult.Done;
    }
}
