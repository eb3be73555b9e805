using System.Security.Claims;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Automation.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Human tasks: list, claim, release and complete.</summary>
/// <remarks>
/// Anyone with a role may use these endpoints. Admins and operators see every task; other callers see only the tasks
/// <see cref="TaskVisibility"/> allows them (a task they may not see reads as not found, to every endpoint). A given task may be worked
/// by its assignee, or (when it has none) by holders of its role, and always by an admin.
/// </remarks>
public static class TasksApi
{
    /// <summary>Maps <c>/api/tasks</c>.</summary>
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.WorkTasks);
        group.MapGet("/", List);
        group.MapGet("/{taskId}", Get);
        group.MapPost("/{taskId}/claim", Claim);
        group.MapPost("/{taskId}/release", Release);
        group.MapPost("/{taskId}/complete", Complete);
        return group;
    }

    private static async Task<Results<Ok<Page<HumanTask>>, ProblemHttpResult>> List(
        string? status, bool? mine, string? instanceId, int? pageSize, string? cursor, ClaimsPrincipal user, ITaskStore tasks, CancellationToken ct)
    {
        if (!Query.TryParseEnum<HumanTaskStatus>(status, "status", out var parsed, out var error)) return Problems.BadRequest(error);
        var onlyVisible = mine == true || !SeesAll(user);
        return TypedResults.Ok(await tasks.ListAsync(new TaskQuery
        {
            Status = parsed,
            User = onlyVisible ? user.UserName() : null,
            Roles = onlyVisible ? user.Roles() : null,
            InstanceId = string.IsNullOrWhiteSpace(instanceId) ? null : instanceId,
            PageSize = Query.PageSize(pageSize),
            Cursor = string.IsNullOrWhiteSpace(cursor) ? null : cursor,
        }, ct));
    }

    private static async Task<Results<Ok<TaskDetail>, ProblemHttpResult>> Get(
        string taskId, ClaimsPrincipal user, ITaskStore tasks, IInstanceStore instances, CancellationToken ct) =>
        await tasks.GetAsync(taskId, ct) is { } task && CanSee(user, task)
            ? TypedResults.Ok(await TaskDetail.FromAsync(task, instances, ct))
            : NotFound(taskId);

    /// <summary>Admins and operators oversee all work; everyone else sees their own and their pool's tasks.</summary>
    private static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);

    // A task the caller may not see answers as missing, so its existence and its assignee's name do not leak.
    private static bool CanSee(ClaimsPrincipal user, HumanTask task) =>
        SeesAll(user) || TaskVisibility.IsVisible(task, user.UserName(), user.Roles());

    private static async Task<Results<Ok<HumanTask>, ProblemHttpResult>> Claim(string taskId, ClaimsPrincipal user, ITaskStore tasks, CancellationToken ct)
    {
        var task = await tasks.GetAsync(taskId, ct);
        if (task is null || !CanSee(user, task)) return NotFound(taskId);
        if (CannotWork(user, task) is { } forbidden) return forbidden;
        if (!await tasks.TryClaimAsync(taskId, user.UserName(), ct))
            return Problems.Conflict(task.Status == HumanTaskStatus.Claimed
                ? $"Task '{taskId}' is already claimed by {task.ClaimedBy}."
                : $"Task '{taskId}' is {task.Status.ToString().ToLowerInvariant()} and cannot be claimed.");
        return TypedResults.Ok((await tasks.GetAsync(taskId, ct))!);
    }

    private static async Task<Results<Ok<HumanTask>, ProblemHttpResult>> Release(
        string taskId, ReleaseTaskRequest? body, ClaimsPrincipal user, ITaskStore tasks, CancellationToken ct)
    {
        var task = await tasks.GetAsync(taskId, ct);
        if (task is null || !CanSee(user, task)) return NotFound(taskId);
        if (CannotWork(user, task) is { } forbidden) return forbidden;
        if (task.ClaimedBy is { } holder && holder != user.UserName() && !user.IsInRole(Roles.Admin))
            return Problems.Forbidden($"Task '{taskId}' is claimed by {holder}; only they or an admin may release it.");
        if (!await tasks.ReleaseAsync(taskId, string.IsNullOrWhiteSpace(body?.Assignee) ? null : body.Assignee, ct))
            return Problems.Conflict($"Task '{taskId}' is {task.Status.ToString().ToLowerInvariant()} and cannot be released.");
        return TypedResults.Ok((await tasks.GetAsync(taskId, ct))!);
    }

    private static async Task<Results<Ok<HumanTask>, ProblemHttpResult>> Complete(
        string taskId, CompleteTaskRequest? body, ClaimsPrincipal user, ITaskStore tasks, FormDataValidator forms, IWorkflowRuntime runtime,
        IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var task = await tasks.GetAsync(taskId, ct);
        if (task is null || !CanSee(user, task)) return NotFound(taskId);
        if (CannotWork(user, task) is { } forbidden) return forbidden;
        var errors = await forms.ValidateAsync(task.FormSchema, body?.Data);
        if (errors.Count > 0) return Problems.Invalid($"The form data for task '{taskId}' is invalid", errors);
        return TypedResults.Ok(await runtime.CompleteTaskAsync(taskId, user.UserName(), body?.Outcome, body?.Data, lifetime.ApplicationStopping));
    }

    private static ProblemHttpResult? CannotWork(ClaimsPrincipal user, HumanTask task)
    {
        if (user.IsInRole(Roles.Admin)) return null;
        if (task.Assignee is { } assignee)
            return assignee == user.UserName() ? null : Problems.Forbidden($"Task '{task.Id}' is assigned to {assignee}.");
        if (task.Role is { } role && !user.IsInRole(role))
            return Problems.Forbidden($"Task '{task.Id}' is for the {role} role.");
        return null;
    }

    private static ProblemHttpResult NotFound(string taskId) => Problems.NotFound($"Task '{taskId}' does not exist.");
}

/// <summary>The optional body of a release.</summary>
/// <param name="Assignee">Hand the task to this person; back to the pool when null.</param>
public sealed record ReleaseTaskRequest(string? Assignee);

/// <summary>The body of a completion.</summary>
/// <param name="Outcome">One of the task's outcomes; its first when null.</param>
/// <param name="Data">The form data, checked against the task's form schema.</param>
public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Data);
