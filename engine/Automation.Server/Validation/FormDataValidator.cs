using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using ValidationError = Automation.Engine.Validation.ValidationError;

namespace Automation.Server.Validation;

/// <summary>Checks the data a person submits with a human task against the task's form schema (JSON Schema).</summary>
public sealed class FormDataValidator(ILogger<FormDataValidator> logger)
{
    private readonly ConcurrentDictionary<string, JsonSchema?> _schemas = new(StringComparer.Ordinal);

    /// <summary>Every way <paramref name="data"/> (an empty object when null) breaks <paramref name="formSchema"/>; empty when it fits or there is no schema.</summary>
    public async Task<IReadOnlyList<ValidationError>> ValidateAsync(JsonObject? formSchema, JsonObject? data)
    {
        if (formSchema is null) return [];
        var text = formSchema.ToJsonString();
        if (!_schemas.TryGetValue(text, out var schema))
        {
            try
            {
                schema = await JsonSchema.FromJsonAsync(text).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
            {
                // The workflow author's schema is broken: do not block the task for ever; say so in the log.
                logger.LogWarning(ex, "A task form schema could not be read; the form data is accepted unchecked");
                schema = null;
            }
            if (_schemas.Count < 1000) _schemas[text] = schema;
        }
        if (schema is null) return [];
        // Parsed without line numbers: the form data is built by a page, not typed by a person, so "(line 1)" in a
        // message shown under a form field would only confuse. Dates stay strings, for the date and date-time formats.
        using var reader = new JsonTextReader(new StringReader((data ?? []).ToJsonString())) { DateParseHandling = DateParseHandling.None };
        var token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
        return JsonSchemaErrors.Flatten(schema.Validate(token));
    }
}
