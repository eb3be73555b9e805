using Automation.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Automation.Server.Hosting;

/// <summary>
/// Declares in the OpenAPI document the error answers every endpoint can give, as ProblemDetails
/// (<c>application/problem+json</c>), so that generated clients know them: 401 for a missing or unknown key, 403 where
/// the endpoint needs a role not every key holds, 404 where a path names a resource, 400 where the request carries a
/// body or query, 409 where a change can clash with the resource's state.
/// </summary>
/// <remarks>The endpoints return typed results for success; writing the same five error annotations on each of them would drift.</remarks>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()) return;

        var document = context.Document ?? throw new InvalidOperationException("The OpenAPI document is being built.");
        var schema = await ProblemSchemaAsync(document, context, cancellationToken);
        operation.Responses ??= [];
        void Add(int status, string text)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key)) return;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
            };
        }

        var parameters = description.ParameterDescriptions;
        var hasPathParameter = parameters.Any(p => p.Source.Id == "Path");
        var changes = !string.Equals(description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
        if (parameters.Any(p => p.Source.Id is "Body" or "Query") || changes)
            Add(StatusCodes.Status400BadRequest, "The request is malformed or invalid; `errors` lists every problem found.");
        Add(StatusCodes.Status401Unauthorized, $"No {ApiKeys.HeaderName} header, or an unknown or revoked key.");
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToArray();
        if (policies.Any(p => p is not null && p != Policies.Read))
            Add(StatusCodes.Status403Forbidden, "The key does not hold a role this operation needs.");
        if (hasPathParameter) Add(StatusCodes.Status404NotFound, "The resource the path names does not exist.");
        if (changes && hasPathParameter) Add(StatusCodes.Status409Conflict, "The resource's current state does not allow this change.");
    }

    /// <summary>A reference to the one ProblemDetails schema of the document (with this API's extensions), added on first use.</summary>
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(
        OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string name = "ProblemDetails";
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            if (schema is OpenApiSchema concrete)
            {
                concrete.Description = "RFC 9457 problem details; see docs/api.md, Errors.";
                concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
                concrete.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The W3C trace id the server log records the error under." };
                concrete.Properties["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "On validation errors: every problem found.",
                    Items = await context.GetOrCreateSchemaAsync(typeof(Automation.Engine.Validation.ValidationError), null, cancellationToken),
                };
            }
            document.Components.Schemas[name] = schema;
        }
        return new OpenApiSchemaReference(name, document);
    }
}
