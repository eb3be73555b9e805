using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Validation;

namespace Automation.Engine.Runtime;

/// <summary>Checks start input against a definition's declared inputs and fills in defaults.</summary>
public static class WorkflowInputs
{
    /// <summary>Returns the input with defaults applied.</summary>
    /// <exception cref="InvalidWorkflowInputException">Lists every missing or mistyped input.</exception>
    public static JsonObject Validate(WorkflowDefinition definition, JsonObject? input)
    {
        var result = input?.DeepClone().AsObject() ?? [];
        var errors = new List<ValidationError>();
        foreach (var parameter in definition.Inputs)
        {
            if (!result.TryGetPropertyValue(parameter.Name, out var value) || value is null)
            {
                if (parameter.Default is not null) result[parameter.Name] = parameter.Default.DeepClone();
                else if (parameter.Required) errors.Add(new("missing-input", $"'{parameter.Name}' is required", Field: $"input.{parameter.Name}"));
                continue;
            }
            if (!Matches(value, parameter.Type))
                errors.Add(new("invalid-input", $"'{parameter.Name}' must be {Article(parameter.Type)} but is {Describe(value)}", Field: $"input.{parameter.Name}"));
        }
        if (errors.Count > 0) throw new InvalidWorkflowInputException(errors);
        return result;
    }

    private static bool Matches(JsonNode value, string type) => type switch
    {
        ValueTypes.String => value.GetValueKind() == JsonValueKind.String,
        ValueTypes.Number => value.GetValueKind() == JsonValueKind.Number,
        ValueTypes.Boolean => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        ValueTypes.Object => value is JsonObject,
        ValueTypes.Array => value is JsonArray,
        ValueTypes.DateTime => value.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), out _),
        _ => true,
    };

    private static string Article(string type) => type switch
    {
        ValueTypes.Object or ValueTypes.Array => "an " + type,
        ValueTypes.DateTime => "a date and time (ISO 8601)",
        _ => "a " + type,
    };

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
