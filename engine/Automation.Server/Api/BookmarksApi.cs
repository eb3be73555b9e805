using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Bookmarks: resume one wait directly (operators unsticking an instance).</summary>
public static class BookmarksApi
{
    /// <summary>Maps <c>/api/bookmarks</c>.</summary>
    public static RouteGroupBuilder MapBookmarksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookmarks").WithTags("Bookmarks");
        group.MapPost("/{bookmarkId}/resume", Resume).RequireAuthorization(Policies.OperateInstances);
        return group;
    }

    private static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> Resume(
        string bookmarkId, ResumeRequest? body, IWorkflowRuntime runtime, IDefinitionStore definitions, IHostApplicationLifetime lifetime,
        CancellationToken ct)
    {
        var instance = await runtime.ResumeBookmarkAsync(bookmarkId, body?.Payload, lifetime.ApplicationStopping);
        return instance is null
            ? Problems.NotFound($"Bookmark '{bookmarkId}' does not exist (it may have been resumed or its instance ended).")
            : TypedResults.Ok(await InstanceViews.ToDetailAsync(instance, definitions, ct));
    }
}

/// <summary>The body of a bookmark resume.</summary>
/// <param name="Payload">Data handed to the resumed activity.</param>
public sealed record ResumeRequest(JsonNode? Payload);
