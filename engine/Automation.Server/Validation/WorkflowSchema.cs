using NJsonSchema;

namespace Automation.Server.Validation;

/// <summary>
/// <c>docs/workflow.schema.json</c>, embedded in this assembly: served at <c>GET /api/schema/workflow</c> and used to
/// check the structure of every definition the API or the sample importer receives.
/// </summary>
public sealed class WorkflowSchema
{
    /// <summary>The manifest name of the embedded schema (see the project file).</summary>
    public const string ResourceName = "Automation.Server.workflow.schema.json";

    private WorkflowSchema(string json, JsonSchema schema)
    {
        Json = json;
        Schema = schema;
    }

    /// <summary>The schema's text, as in <c>docs/</c>.</summary>
    public string Json { get; }

    /// <summary>The parsed schema.</summary>
    public JsonSchema Schema { get; }

    /// <summary>Reads the embedded schema.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing (a build problem).</exception>
    public static WorkflowSchema Load()
    {
        using var stream = typeof(WorkflowSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(WorkflowSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        return new WorkflowSchema(json, JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult());
    }
}
