using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>Puts stored documents into a file field.</summary>
[Activity("Browser.Upload", Category = Category, DisplayName = "Upload file",
    Description = "Chooses stored documents (an invoice PDF, a CSV) in a file field of the page, as a person picking files would.")]
[Outcome(Outcomes.Done)]
[Output("target", "string", Description = "Which way of finding the file field worked.")]
[Output("files", "array", Description = "The file names chosen.")]
public sealed class Upload : BrowserActivity
{
    /// <summary>The file field.</summary>
    [Input(Description = "The file field: a CSS selector, or {\"label\": \"Attach invoice\"} with fallbacks.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>The documents to choose.</summary>
    [Input(Description = "The ids of the stored documents to choose (one, or several for a multiple-file field).", Required = true)]
    public string[] Documents { get; set; } = [];

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        var store = context.Services.GetService<IDocumentStore>();
        if (store is null) return ActivityResult.Fail("This host keeps no documents, so there is nothing to upload.");
        if (Documents.Length == 0) return ActivityResult.Fail("Input 'documents': name at least one document id.");
        var files = new List<FilePayload>();
        foreach (var id in Documents)
        {
            var document = await store.GetAsync(id, context.CancellationToken).ConfigureAwait(false);
            var content = document is null ? null : await store.ReadAsync(id, context.CancellationToken).ConfigureAwait(false);
            if (document is null || content is null) return ActivityResult.Fail($"Input 'documents': there is no document '{id}'.");
            files.Add(new FilePayload { Name = document.Name, MimeType = document.ContentType, Buffer = content });
        }
        var field = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
        await field.Locator.SetInputFilesAsync(files, new() { Timeout = (float)timeout.TotalMilliseconds }).ConfigureAwait(false);
        context.SetOutput("files", new JsonArray(files.Select(f => (JsonNode?)JsonValue.Create(f.Name)).ToArray()));
        return ActivityResult.Done;
    }
}
