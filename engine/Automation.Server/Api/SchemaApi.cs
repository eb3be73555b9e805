using Automation.Server.Auth;
using Automation.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>The workflow definition JSON Schema (<c>docs/workflow.schema.json</c>), so the designer and the server agree.</summary>
public static class SchemaApi
{
    /// <summary>Maps <c>/api/schema</c>.</summary>
    public static RouteGroupBuilder MapSchemaApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schema").WithTags("Schema");
        group.MapGet("/workflow", Workflow).RequireAuthorization(Policies.Read);
        return group;
    }

    private static ContentHttpResult Workflow(WorkflowSchema schema) => TypedResults.Text(schema.Json, "application/schema+json");
}
