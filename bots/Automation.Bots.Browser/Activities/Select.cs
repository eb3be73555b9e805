using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Bots.Browser.Activities;

/// <summary>Chooses options in a drop-down list.</summary>
[Activity("Browser.Select", Category = Category, DisplayName = "Choose option",
    Description = "Chooses an option in a drop-down list by its text or value (several for a multi-select list).")]
[Outcome(Outcomes.Done)]
[Output("target", "string", Description = "Which way of finding the list worked.")]
[Output("selected", "array", Description = "The values of the options now chosen.")]
public sealed class Select : BrowserActivity
{
    /// <summary>The list.</summary>
    [Input(Description = "The drop-down list: a CSS selector, or {\"label\": \"Department\"} with fallbacks.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    /// <summary>The options to choose.</summary>
    [Input(Description = "The option to choose, by its text or its value; several for a multi-select list.", Required = true)]
    public string[] Options { get; set; } = [];

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        if (Options.Length == 0) return ActivityResult.Fail("Input 'options': name at least one option to choose.");
        var list = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
        var selected = await list.Locator.SelectOptionAsync(Options, new() { Timeout = (float)timeout.TotalMilliseconds }).ConfigureAwait(false);
        context.SetOutput("selected", new JsonArray(selected.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()));
        return ActivityResult.Done;
    }
}
