using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Serialization;
using Automation.Engine.Validation;

namespace Automation.Server.Validation;

/// <summary>
/// Reads a definition from JSON text: parses it (malformed JSON throws <see cref="JsonException"/> with line and path),
/// checks it against the workflow schema (every error with its JSON path), then deserializes it with <see cref="EngineJson"/>.
/// </summary>
public sealed class DefinitionReader(WorkflowSchema schema)
{
    /// <summary>Reads the request body as text.</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses and checks <paramref name="json"/>; returns the definition, or null with the structural errors.</summary>
    /// <exception cref="JsonException">The text is not JSON at all.</exception>
    public (WorkflowDefinition? Definition, IReadOnlyList<ValidationError> Errors) TryRead(string json)
    {
        var options = new JsonNodeOptions { PropertyNameCaseInsensitive = false };
        var document = string.IsNullOrWhiteSpace(json)
            ? throw new JsonException("The request body is empty; send the workflow definition as JSON.")
            : JsonNode.Parse(json, options, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document is not JsonObject)
            return (null, [new ValidationError("schema-object-expected", "The workflow definition must be a JSON object.")]);
        var errors = JsonSchemaErrors.Flatten(ValidateAgainstSchema(json, document), document);
        if (errors.Count > 0) return (null, errors);
        var definition = document.Deserialize<WorkflowDefinition>(EngineJson.Options)
            ?? throw new JsonException("The workflow definition is null.");
        return (definition, []);
    }

    // The original text keeps the caller's line numbers; a re-serialized copy is the fallback for text that only
    // System.Text.Json's lenient options accept (comments, trailing commas).
    private ICollection<NJsonSchema.Validation.ValidationError> ValidateAgainstSchema(string json, JsonNode document)
    {
        try
        {
            return schema.Schema.Validate(json);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return schema.Schema.Validate(document.ToJsonString());
        }
    }

    /// <summary>Parses and checks <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON, or a value cannot be read as its type.</exception>
    /// <exception cref="WorkflowValidationException">The JSON does not match the workflow schema; lists every error.</exception>
    public WorkflowDefinition Read(string json)
    {
        var (definition, errors) = TryRead(json);
        return definition ?? throw new WorkflowValidationException(errors);
    }
}
