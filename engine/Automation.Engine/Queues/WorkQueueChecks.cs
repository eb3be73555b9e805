using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Automation.Engine.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Automation.Engine.Queues;

/// <summary>The checks every store runs before saving a queue or adding items, so that all stores refuse the same input the same way.</summary>
public static partial class WorkQueueChecks
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>The longest reference accepted.</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>Checks a queue's name and settings.</summary>
    /// <exception cref="InvalidQueueInputException">A setting is not valid; the message names it.</exception>
    public static void CheckQueue(WorkQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (!NamePattern().IsMatch(queue.Name ?? ""))
            throw new InvalidQueueInputException("name", $"name '{queue.Name}' is not valid: use 1 to 100 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        if (queue.MaxAttempts is < 1 or > 100) throw new InvalidQueueInputException("maxAttempts", "maxAttempts must be between 1 and 100.");
        if (queue.LeaseDuration < TimeSpan.FromSeconds(1)) throw new InvalidQueueInputException("leaseDuration", "The lease must be at least one second.");
        if (queue.AbandonAfter < queue.LeaseDuration)
            throw new InvalidQueueInputException("abandonAfter", "The abandonment window must be at least as long as the lease.");
        if (queue.DefaultSla is { } sla && sla <= TimeSpan.Zero) throw new InvalidQueueInputException("defaultSla", "The default SLA must be positive.");
        if (queue.DataSchema is { } schema) _ = Schema(schema.ToJsonString());
    }

    /// <summary>Every schema error of every item (with its index in the batch); empty when all fit or the queue has no schema.</summary>
    /// <exception cref="InvalidQueueInputException">A reference is too long or blank.</exception>
    public static IReadOnlyList<QueueItemDataError> CheckItems(WorkQueue queue, IReadOnlyList<NewQueueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Reference is { } r && (r.Length > MaxReferenceLength || string.IsNullOrWhiteSpace(r)))
                throw new InvalidQueueInputException("reference", $"items[{i}].reference must be 1 to {MaxReferenceLength} characters, not blank.");
        }

        if (queue.DataSchema is null) return [];
        var schema = Schema(queue.DataSchema.ToJsonString());
        var errors = new List<QueueItemDataError>();
        for (var i = 0; i < items.Count; i++)
        {
            using var reader = new JsonTextReader(new StringReader((items[i].Data ?? []).ToJsonString())) { DateParseHandling = DateParseHandling.None };
            var token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
            foreach (var error in Flatten(schema.Validate(token)))
                errors.Add(new QueueItemDataError(i, error));
        }

        return errors;
    }

    /// <summary>References given more than once in one batch.</summary>
    public static IReadOnlyList<string> RepeatedReferences(IReadOnlyList<NewQueueItem> items) =>
        items.Where(i => i.Reference is not null).GroupBy(i => i.Reference!, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    private static JsonSchema Schema(string text)
    {
        if (Schemas.TryGetValue(text, out var cached)) return cached;
        JsonSchema schema;
        try
        {
            schema = JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new InvalidQueueInputException("dataSchema", $"dataSchema is not a valid JSON Schema: {e.Message}");
        }

        if (Schemas.Count < 1000) Schemas[text] = schema;
        return schema;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(e => e))) yield return nested;
                continue;
            }

            var path = (error.Path ?? "").TrimStart('#').TrimStart('/');
            var field = path.Length == 0 ? (error.Property is { Length: > 0 } p ? p : "data") : path;
            if (error.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired && error.Property is { Length: > 0 } missing)
                field = path.EndsWith(missing, StringComparison.Ordinal) ? path : (path.Length == 0 ? missing : path + "." + missing);
            yield return new ValidationError("schema-" + error.Kind, $"{field}: {Describe(error.Kind)}", Field: field);
        }
    }

    private static string Describe(NJsonSchema.Validation.ValidationErrorKind kind) => kind switch
    {
        NJsonSchema.Validation.ValidationErrorKind.PropertyRequired => "is required but missing",
        NJsonSchema.Validation.ValidationErrorKind.StringExpected => "must be a string",
        NJsonSchema.Validation.ValidationErrorKind.NumberExpected => "must be a number",
        NJsonSchema.Validation.ValidationErrorKind.IntegerExpected => "must be an integer",
        NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a known property",
        NJsonSchema.Validation.ValidationErrorKind.PatternMismatch => "does not match the pattern",
        NJsonSchema.Validation.ValidationErrorKind.NotInEnumeration => "is not one of the allowed values",
        NJsonSchema.Validation.ValidationErrorKind.NumberTooSmall => "is too small",
        NJsonSchema.Validation.ValidationErrorKind.NumberTooBig => "is too big",
        _ => "breaks the schema (" + kind + ")",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
