using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Bots.Browser.Activities;

/// <summary>Reads an HTML table into a list of objects keyed by its column headers.</summary>
[Activity("Browser.ReadTable", Category = Category, DisplayName = "Read table",
    Description = "Reads a table on the page into a list of rows, each an object keyed by the column headings (for example a list of invoices).")]
[Outcome(Outcomes.Done)]
[Output("rows", "array", Description = "One object per body row, keyed by the column headings.")]
[Output("count", "number", Description = "How many rows.")]
[Output("target", "string", Description = "Which way of finding the table worked.")]
public sealed class ReadTable : BrowserActivity
{
    // Returned as JSON text: Playwright's own object transfer adds reference ids ("$id") to every object.
    // Headings come from the header row (the last row of thead, or else the first row);
    // a heading left empty or repeated gets its column number, so no value is lost.
    private const string Script = """
        t => {
          const rows = Array.from(t.rows);
          if (rows.length === 0) return '[]';
          let headRow = t.tHead && t.tHead.rows.length ? t.tHead.rows[t.tHead.rows.length - 1] : rows[0];
          const seen = new Set();
          const heads = Array.from(headRow.cells).map((c, i) => {
            let h = c.innerText.trim();
            if (!h || seen.has(h)) h = 'column' + (i + 1);
            seen.add(h);
            return h;
          });
          return JSON.stringify(rows.filter(r => r !== headRow && !(t.tHead && t.tHead.contains(r)))
            .map(r => Object.fromEntries(Array.from(r.cells).map((c, i) => [heads[i] ?? ('column' + (i + 1)), c.innerText.trim()]))));
        }
        """;

    /// <summary>The table.</summary>
    [Input(Description = "The table: a CSS selector, or {\"role\": \"table\", \"name\": \"Invoices\"} with fallbacks.", Required = true, Editor = InputEditors.Json)]
    public JsonNode? Target { get; set; }

    private protected override async Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout)
    {
        var table = await FindAsync(context, session, Target, timeout).ConfigureAwait(false);
        var tag = await table.Locator.EvaluateAsync<string>("e => e.tagName").ConfigureAwait(false);
        if (!string.Equals(tag, "TABLE", StringComparison.OrdinalIgnoreCase))
            return ActivityResult.Fail($"The target found a <{tag.ToLowerInvariant()}>, not a <table>.");
        var json = await table.Locator.EvaluateAsync<string>(Script).ConfigureAwait(false);
        var array = JsonNode.Parse(json)?.AsArray() ?? [];
        context.SetOutput("rows", array);
        context.SetOutput("count", array.Count);
        return ActivityResult.Done;
    }
}
