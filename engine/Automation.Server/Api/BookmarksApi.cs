using System.Text.Json.Nodes;
using Automation.Engine.Model;
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

    // Waits that another API owns are not resumed here: a human task is completed through /api/tasks (outcome, form
    // and assignee checks, and the task's own status), a child-workflow wait by its child.
    private static readonly HashSet<string> ResumableHere = [BookmarkKinds.Signal, BookmarkKinds.Timer, BookmarkKinds.Retry];

    private static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> Resume(
        string bookmarkId, ResumeRequest? body, IWorkflowRuntime runtime, IInstanceStore instances, IDefinitionStore definitions,
        IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var bookmark = await instances.GetBookmarkAsync(bookmarkId, ct);
        if (bookmark is null)
            return Problems.NotFound($"Bookmark '{bookmarkId}' does not exist (it may have been resumed or its instance ended).");
        if (!ResumableHere.Contains(bookmark.Kind))
            return Problems.Conflict(bookmark.Kind == BookmarkKinds.HumanTask
                ? $"Bookmark '{bookmarkId}' waits on a human task; complete the task with POST /api/tasks/{{id}}/complete."
                : $"Bookmark '{bookmarkId}' waits on a {bookmark.Kind} and is resumed by it, not by hand.");
        var instance = await runtime.ResumeBookmarkAsync(bookmarkId, body?.Payload, lifetime.ApplicationStopping);
        return instance is null
            ? Problems.NotFound($"Bookmark '{bookmarkId}' does not exist (it may have been resumed or its instance ended).")
            : TypedResults.Ok(await InstanceViews.ToDetailAsync(instance, definitions, ct));
    }
}

/// <summary>The body of a bookmark resume.</summary>
/// <param name="Payload">Data handed to the resumed activity.</param>
public sealed record ResumeRequest(JsonNode? Payload);
