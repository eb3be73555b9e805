using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Csv;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Activities.Data;

/// <summary>
/// Reads CSV text (or a stored document holding it) into one object per row, keyed by the header row's names, so that
/// a workflow can loop over a spreadsheet export (an HR feed, a list of invoices). Values are text; blank rows are
/// skipped. A row with more or fewer fields than the header, a header with an empty or repeated name, or more than
/// <see cref="MaxRows"/> rows fails the step naming the row (numbered as a spreadsheet shows it, the header being row 1).
/// </summary>
[Activity("Csv.Read", Category = "Data", DisplayName = "Read CSV",
    Description = "Reads CSV text or a stored CSV document into a list of rows, each an object keyed by the header row's column names.")]
[Outcome(Outcomes.Done)]
[Output("rows", "array", Description = "One object per data row: { \"<column>\": \"<text>\" }.")]
[Output("count", "number", Description = "How many rows were read.")]
[Output("columns", "array", Description = "The header row's column names, in order.")]
public sealed class ReadCsv : IActivity
{
    /// <summary>The most data rows one step reads (the rows become the step's output, kept with the instance).</summary>
    public const int MaxRows = 10_000;

    /// <summary>The CSV text.</summary>
    [Input(Description = "The CSV text, header row first (for example input.body when a hook receives text/csv). Give this or documentId.",
        Editor = InputEditors.MultilineText)]
    public string? Text { get; set; }

    /// <summary>A stored document holding the CSV (UTF-8).</summary>
    [Input(DisplayName = "Document id", Description = "A stored document holding the CSV in UTF-8 (as a file drop or an uploaded file gives it). Give this or text.")]
    public string? DocumentId { get; set; }

    /// <summary>Whether spaces around names and values are removed.</summary>
    [Input(DisplayName = "Trim spaces", Description = "Remove spaces around column names and values (exports often pad them).")]
    public bool Trim { get; set; } = true;

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var hasText = !string.IsNullOrEmpty(Text);
        var hasDocument = !string.IsNullOrWhiteSpace(DocumentId);
        if (hasText == hasDocument)
            return ActivityResult.Fail(hasText
                ? "Give the CSV as text or as documentId, not both."
                : "Give the CSV to read: input 'text' (the CSV itself) or 'documentId' (a stored CSV document).");

        var csv = Text ?? "";
        if (hasDocument)
        {
            var store = context.Services.GetService<IDocumentStore>();
            var id = DocumentId!.Trim();
            var bytes = store is null ? null : await store.ReadAsync(id, context.CancellationToken).ConfigureAwait(false);
            if (bytes is null)
                return ActivityResult.Fail(store is null ? "Input 'documentId': this host keeps no documents." : $"Input 'documentId': there is no document '{id}'.");
            csv = new UTF8Encoding(false).GetString(bytes);
        }

        var (rows, columns, error) = Read(csv, Trim);
        if (error is not null) return ActivityResult.Fail(error);
        context.SetOutput(new JsonObject
        {
            ["rows"] = rows,
            ["count"] = rows!.Count,
            ["columns"] = new JsonArray([.. columns!.Select(c => (JsonNode?)JsonValue.Create(c))]),
        });
        return ActivityResult.Done;
    }

    /// <summary>The rows of <paramref name="csv"/> as objects keyed by the header, or the first problem found.</summary>
    internal static (JsonArray? Rows, IReadOnlyList<string>? Columns, string? Error) Read(string csv, bool trim)
    {
        var lines = CsvText.Parse(csv);
        if (lines.Count == 0 || lines[0].All(string.IsNullOrWhiteSpace))
            return (null, null, "The CSV has no header row naming its columns.");
        var header = lines[0].Select(h => trim ? h.Trim() : h).ToList();
        for (var c = 0; c < header.Count; c++)
        {
            if (header[c].Length == 0) return (null, null, $"Row 1, column {c + 1}: the header has an empty column name.");
            if (header.IndexOf(header[c]) < c) return (null, null, $"Row 1: the column name '{header[c]}' appears twice.");
        }
        if (lines.Count - 1 > MaxRows)
            return (null, null, $"The CSV has {lines.Count - 1} rows; at most {MaxRows} are read in one step (split the file).");

        var rows = new JsonArray();
        for (var r = 1; r < lines.Count; r++)
        {
            var line = lines[r];
            if (line.All(string.IsNullOrWhiteSpace)) continue;
            if (line.Count != header.Count)
                return (null, null, $"Row {r + 1} has {line.Count} fields; the header has {header.Count}.");
            var row = new JsonObject();
            for (var c = 0; c < header.Count; c++) row[header[c]] = trim ? line[c].Trim() : line[c];
            rows.Add(row);
        }
        return (rows, header, null);
    }
}
