using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Automation.Server.Hosting;

/// <summary>
/// Takes nullable properties out of <c>required</c> in the OpenAPI document. Positional records make every constructor
/// parameter "required", but the API leaves null properties out of responses and accepts requests without them, so a
/// client generated from the document must not insist on them.
/// </summary>
internal sealed class NullableNotRequiredTransformer : IOpenApiSchemaTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is not { Count: > 0 } required || schema.Properties is null) return Task.CompletedTask;
        foreach (var (name, property) in schema.Properties)
            if (IsNullable(property)) required.Remove(name);
        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema property) =>
        property.Type is { } type && type.HasFlag(JsonSchemaType.Null)
        || property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true
        || property.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
