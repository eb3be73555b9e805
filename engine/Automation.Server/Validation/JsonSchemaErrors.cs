using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using NJsonSchema.Validation;
using ValidationError = Automation.Engine.Validation.ValidationError;

namespace Automation.Server.Validation;

/// <summary>Turns NJsonSchema's error tree into the engine's flat <see cref="ValidationError"/> list, one per problem, with JSON paths.</summary>
internal static partial class JsonSchemaErrors
{
    /// <summary>
    /// Flattens <paramref name="errors"/>. Nested errors (array items, object properties, allOf) are reported at their
    /// own paths; an anyOf/oneOf failure is reported once, at the value, since its branches' errors are alternatives.
    /// </summary>
    /// <param name="errors">What NJsonSchema found.</param>
    /// <param name="document">The validated document, used to name the activity an error is in (for definitions).</param>
    public static IReadOnlyList<ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors, JsonNode? document = null)
    {
        var result = new List<ValidationError>();
        foreach (var error in errors) Collect(error, document, result);
        return result;
    }

    private static void Collect(NJsonSchema.Validation.ValidationError error, JsonNode? document, List<ValidationError> result)
    {
        if (error is ChildSchemaValidationError child && error.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf))
        {
            var before = result.Count;
            foreach (var nested in child.Errors.Values.SelectMany(e => e)) Collect(nested, document, result);
            if (result.Count > before) return;
        }
        var path = FieldPath(error.Path);
        var line = error.HasLineInfo ? $" (line {error.LineNumber})" : "";
        result.Add(new ValidationError(
            "schema-" + Kebab(error.Kind.ToString()),
            $"{(path.Length == 0 ? "The document" : path)} {Describe(error)}{line}.",
            ActivityIdAt(path, document),
            path.Length == 0 ? null : path));
    }

    /// <summary>NJsonSchema's <c>#/activities[0].type</c> as <c>activities[0].type</c>; empty for the root.</summary>
    private static string FieldPath(string? path) => (path ?? "").TrimStart('#').TrimStart('/');

    private static string Describe(NJsonSchema.Validation.ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "is required but missing",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a known property here",
        ValidationErrorKind.StringExpected => "must be a string",
        ValidationErrorKind.NumberExpected => "must be a number",
        ValidationErrorKind.IntegerExpected => "must be an integer",
        ValidationErrorKind.BooleanExpected => "must be true or false",
        ValidationErrorKind.ObjectExpected => "must be an object",
        ValidationErrorKind.ArrayExpected => "must be an array",
        ValidationErrorKind.StringTooShort => error.Schema?.MinLength is 1 ? "must not be empty" : $"must be at least {error.Schema?.MinLength} characters long",
        ValidationErrorKind.StringTooLong => $"must be at most {error.Schema?.MaxLength} characters long",
        ValidationErrorKind.PatternMismatch => $"does not match the pattern {error.Schema?.Pattern}" + (error.Schema?.Description is { } d ? $" ({d})" : ""),
        ValidationErrorKind.NotInEnumeration => "must be one of: " + string.Join(", ", error.Schema?.Enumeration ?? []),
        ValidationErrorKind.NumberTooSmall => $"must be at least {error.Schema?.Minimum ?? error.Schema?.ExclusiveMinimum}",
        ValidationErrorKind.NumberTooBig => $"must be at most {error.Schema?.Maximum ?? error.Schema?.ExclusiveMaximum}",
        ValidationErrorKind.TooFewItems => $"must have at least {error.Schema?.MinItems} item(s)",
        ValidationErrorKind.TooManyItems => $"must have at most {error.Schema?.MaxItems} item(s)",
        ValidationErrorKind.ItemsNotUnique => "must not repeat items",
        ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf =>
            "does not match any allowed form" + (error.Schema?.Description is { } d ? $": {d}" : ""),
        _ => Words(error.Kind.ToString()),
    };

    private static string? ActivityIdAt(string path, JsonNode? document)
    {
        var match = ActivityIndex().Match(path);
        if (!match.Success || document is not JsonObject root || root["activities"] is not JsonArray activities) return null;
        var index = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        return index < activities.Count && activities[index] is JsonObject activity && activity["id"] is JsonValue id
            && id.TryGetValue<string>(out var text) ? text : null;
    }

    private static string Kebab(string pascal) => CapitalLetter().Replace(pascal, m => (m.Index == 0 ? "" : "-") + char.ToLowerInvariant(m.Value[0]));

    private static string Words(string pascal) => CapitalLetter().Replace(pascal, m => (m.Index == 0 ? "" : " ") + char.ToLowerInvariant(m.Value[0]));

    [GeneratedRegex(@"^activities\[(\d+)\]")]
    private static partial Regex ActivityIndex();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CapitalLetter();
}
