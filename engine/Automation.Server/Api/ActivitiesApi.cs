using Automation.Engine.Activities.Framework;
using Automation.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>The activity palette the designer builds from.</summary>
public static class ActivitiesApi
{
    /// <summary>Maps <c>/api/activities</c>.</summary>
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activities").WithTags("Activities");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        return group;
    }

    private static Ok<IReadOnlyList<ActivityDescriptor>> List(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);
}
