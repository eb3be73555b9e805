using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Engine.Csv;
using Automation.Engine.Queues;
using Automation.Engine.Validation;

namespace Automation.Server.Queues;

/// <summary>
/// Reads queue items from CSV (RFC 4180, split by <see cref="CsvText"/>). The header row names the columns:
/// <c>reference</c>, <c>priority</c>, <c>deadline</c> and <c>postponeUntil</c> (any case) set those fields (or the column the caller names as the reference); every other column becomes a data
/// field of that name, a string unless the queue's schema types the field as a number, integer or boolean.
/// </summary>
public static class QueueItemsCsv
{
    /// <summary>The most rows one upload may hold.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The items of <paramref name="csv"/>, or every problem found (rows numbered as a spreadsheet shows them, the header being row 1).</summary>
    public static (IReadOnlyList<NewQueueItem> Items, IReadOnlyList<ValidationError> Errors) Read(string csv, WorkQueue queue, string? referenceColumn)
    {
        var rows = CsvText.Parse(csv);
        var errors = new List<ValidationError>();
        if (rows.Count == 0 || rows[0].All(string.IsNullOrWhiteSpace))
            return ([], [new ValidationError("csv-no-header", "The CSV has no header row naming its columns.", Field: "row 1")]);
        if (rows.Count - 1 > MaxRows)
            return ([], [new ValidationError("csv-too-many-rows", $"The CSV has {rows.Count - 1} rows; at most {MaxRows} may be uploaded at once.")]);

        var header = rows[0].Select(h => h.Trim()).ToList();
        var referenceAt = Column(header, referenceColumn ?? "reference");
        if (referenceColumn is not null && referenceAt < 0)
            errors.Add(new ValidationError("csv-no-reference-column", $"The header has no column '{referenceColumn}' to use as the reference.", Field: "referenceColumn"));
        var priorityAt = Column(header, "priority");
        var deadlineAt = Column(header, "deadline");
        var postponeAt = Column(header, "postponeUntil");
        var special = new HashSet<int> { referenceAt, priorityAt, deadlineAt, postponeAt };
        var types = queue.DataSchema?["properties"] as JsonObject;

        var items = new List<NewQueueItem>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var line = r + 1;
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            if (row.Count != header.Count)
            {
                errors.Add(new ValidationError("csv-column-count", $"Row {line} has {row.Count} fields; the header has {header.Count}.", Field: $"row {line}"));
                continue;
            }

            var data = new JsonObject();
            for (var c = 0; c < header.Count; c++)
            {
                if (special.Contains(c) && c != referenceAt || header[c].Length == 0) continue;
                var type = (types?[header[c]] as JsonObject)?["type"]?.GetValue<string>();
                if (Convert(row[c], type) is var (value, ok) && ok) data[header[c]] = value;
                else errors.Add(new ValidationError("csv-not-" + type, $"Row {line}, column '{header[c]}': '{row[c]}' is not a{(type == "integer" ? "n" : "")} {type}.", Field: $"row {line}.{header[c]}"));
            }

            var priority = QueueItemPriority.Normal;
            if (priorityAt >= 0 && row[priorityAt].Trim() is { Length: > 0 } p && !(Enum.TryParse(p, ignoreCase: true, out priority) && Enum.IsDefined(priority)))
                errors.Add(new ValidationError("csv-priority", $"Row {line}, column 'priority': '{p}' is not high, normal or low.", Field: $"row {line}.priority"));
            var deadline = Time(row, deadlineAt, line, "deadline", errors);
            var postpone = Time(row, postponeAt, line, "postponeUntil", errors);
            var reference = referenceAt >= 0 && row[referenceAt].Trim() is { Length: > 0 } text ? text : null;
            items.Add(new NewQueueItem { Reference = reference, Priority = priority, Deadline = deadline, PostponeUntil = postpone, Data = data });
        }

        return (items, errors);
    }

    private static int Column(List<string> header, string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    private static (JsonNode? Value, bool Ok) Convert(string text, string? type) => type switch
    {
        "number" => decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? (JsonValue.Create(d), true) : (null, text.Trim().Length == 0),
        "integer" => long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? (JsonValue.Create(l), true) : (null, text.Trim().Length == 0),
        "boolean" => bool.TryParse(text.Trim(), out var b) ? (JsonValue.Create(b), true) : (null, text.Trim().Length == 0),
        _ => (JsonValue.Create(text), true),
    };

    private static DateTimeOffset? Time(List<string> row, int at, int line, string column, List<ValidationError> errors)
    {
        if (at < 0 || row[at].Trim() is not { Length: > 0 } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        errors.Add(new ValidationError("csv-" + column, $"Row {line}, column '{column}': '{text}' is not a date and time (use ISO 8601, e.g. 2026-03-31T17:00:00Z).",
            Field: $"row {line}.{column}"));
        return null;
    }
}
