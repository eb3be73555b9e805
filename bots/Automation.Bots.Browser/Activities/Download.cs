using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Browser.Activities;

/// <summary>Clicks what starts a download and saves the file as a document.</summary>
[Activity("Browser.Download", Category = Category, DisplayName = "Download file",
    Description = "Clicks the link or button that downloads a file (a report, an export) and keeps the file as a document.")]
[Outcome(Outcomes.Done)]
[Output("documentId", "string", Description = "The saved document's id.")]
[Output("name", "string", Description = "The file name the site gave.")]
[Output("size", "number", Description = "Size in bytes.")]
[Output("target", "string", Description = "Which way of finding the link worked.")]
public sealed class Download : BrowserActivity
{
    /// <summary>What to click.</summary>
    [Input(Description = "The link or button that starts the download: a CSS selector or a target object.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>The content type to record.</summary>
    [Input(Description = "The document's type, e.g. text/csv; guessed from the file name when empty.")]
    public string? ContentType { get; set; }

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        var documents = context.Services.GetService<IDocumentStore>();
        if (documents is null) return ActivityResult.Fail("This host keeps no documents, so a download cannot be saved.");
        var link = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
        var download = await session.Page.RunAndWaitForDownloadAsync(() => link.Locator.ClickAsync(), new() { Timeout = (float)timeout.TotalMilliseconds }).ConfigureAwait(false);
        var failure = await download.FailureAsync().ConfigureAwait(false);
        if (failure is not null) throw new Microsoft.Playwright.PlaywrightException($"The download of {download.SuggestedFilename} failed: {failure}");
        var path = Path.Combine(Path.GetTempPath(), "automation-download-" + Guid.NewGuid().ToString("N"));
        try
        {
            await download.SaveAsAsync(path).ConfigureAwait(false);
            var content = await File.ReadAllBytesAsync(path, context.CancellationToken).ConfigureAwait(false);
            var type = string.IsNullOrWhiteSpace(ContentType) ? ContentTypes.FromFileName(download.SuggestedFilename) : ContentType;
            var document = await documents.SaveAsync(download.SuggestedFilename, type, content, context.InstanceId, cancellationToken: context.CancellationToken).ConfigureAwait(false);
            context.SetOutput("documentId", document.Id);
            context.SetOutput("name", document.Name);
            context.SetOutput("size", document.Size);
        }
        finally
        {
            File.Delete(path);
            await download.DeleteAsync().ConfigureAwait(false);
        }
        return ActivityResult.Done;
    }
}
