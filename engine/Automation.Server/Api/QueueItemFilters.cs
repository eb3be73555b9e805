using System.Globalization;
using Automation.Engine.Queues;
using Automation.Engine.Validation;

namespace Automation.Server.Api;

/// <summary>
/// The query-string filters of <c>GET /api/queues/{name}/items</c>, read as text so that a bad value is answered with a
/// 400 naming its parameter (the framework's binding error names the C# type instead).
/// </summary>
public sealed record QueueItemFilters(
    string? Status, string? Reference, string? ReferencePrefix, string? FailureKind, string? FailureCode,
    string? AddedFrom, string? AddedTo, string? UpdatedFrom, string? UpdatedTo)
{
    /// <summary>The longest reference prefix or failure code accepted (the store keeps codes of at most 100 characters).</summary>
    public const int MaxTextLength = 200;

    /// <summary>
    /// The store query these filters ask for; blank parameters are no filter. Returns the problems instead (each with its
    /// parameter as <c>field</c>) when a value is not valid.
    /// </summary>
    public (QueueItemQuery? Query, IReadOnlyList<ValidationError> Errors) ToQuery()
    {
        var errors = new List<ValidationError>();
        var status = Enum<QueueItemStatus>(Status, "status", errors);
        var kind = Enum<QueueFailureKind>(FailureKind, "failureKind", errors);
        var addedFrom = Time(AddedFrom, "addedFrom", errors);
        var addedTo = Time(AddedTo, "addedTo", errors);
        var updatedFrom = Time(UpdatedFrom, "updatedFrom", errors);
        var updatedTo = Time(UpdatedTo, "updatedTo", errors);
        Order(addedFrom, addedTo, "added", errors);
        Order(updatedFrom, updatedTo, "updated", errors);
        var prefix = Text(ReferencePrefix, "referencePrefix", errors);
        var code = Text(FailureCode, "failureCode", errors);
        if (errors.Count > 0) return (null, errors);
        return (new QueueItemQuery
        {
            Status = status,
            Reference = string.IsNullOrEmpty(Reference) ? null : Reference,
            ReferencePrefix = prefix,
            FailureKind = kind,
            FailureCode = code,
            AddedFrom = addedFrom,
            AddedTo = addedTo,
            UpdatedFrom = updatedFrom,
            UpdatedTo = updatedTo,
        }, errors);
    }

    private static T? Enum<T>(string? text, string parameter, List<ValidationError> errors) where T : struct, System.Enum
    {
        if (Query.TryParseEnum<T>(text, parameter, out var value, out var error)) return value;
        errors.Add(new ValidationError("invalid-parameter", error, Field: parameter));
        return null;
    }

    private static DateTimeOffset? Time(string? text, string parameter, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // A time without an offset is UTC, as every time the API returns is.
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        errors.Add(new ValidationError("invalid-parameter",
            $"'{text}' is not a valid {parameter}; give a date and time in ISO 8601, e.g. 2026-03-31T17:00:00Z or 2026-03-31.", Field: parameter));
        return null;
    }

    private static void Order(DateTimeOffset? from, DateTimeOffset? to, string name, List<ValidationError> errors)
    {
        if (from is { } f && to is { } t && f >= t)
            errors.Add(new ValidationError("invalid-parameter", $"{name}From must be before {name}To.", Field: name + "From"));
    }

    private static string? Text(string? text, string parameter, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length <= MaxTextLength) return text;
        errors.Add(new ValidationError("invalid-parameter", $"{parameter} is {text.Length} characters long; give at most {MaxTextLength}.", Field: parameter));
        return null;
    }
}
