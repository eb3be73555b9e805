using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Bots.Browser.Activities;

/// <summary>Reads the text of an element, or the value of a field.</summary>
[Activity("Browser.ReadText", Category = Category, DisplayName = "Read text",
    Description = "Reads the text shown in an element (a message, a reference number), or the value in a field or list.")]
[Outcome(Outcomes.Done)]
[Output("text", "string", Description = "The text, trimmed.")]
[Output("target", "string", Description = "Which way of finding the element worked.")]
public sealed class ReadText : BrowserActivity
{
    /// <summary>The element.</summary>
    [Input(Description = "The element: a CSS selector, or {\"testId\": \"document-number\"} with fallbacks.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>An attribute to read instead of the text.</summary>
    [Input(Description = "Read this attribute instead of the text (for example href).")]
    public string? Attribute { get; set; }

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        var element = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
        var text = !string.IsNullOrWhiteSpace(Attribute)
            ? await element.Locator.GetAttributeAsync(Attribute).ConfigureAwait(false)
            // A field's text is its value; anything else shows its rendered text.
            : await element.Locator.EvaluateAsync<string>(
                "e => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement) ? e.value : e.innerText").ConfigureAwait(false);
        context.SetOutput("text", text?.Trim());
        return ActivityResult.Done;
    }
}
