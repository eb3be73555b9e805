using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Workflow instances: start, list, detail, journal, retry and cancel.</summary>
/// <remarks>
/// Operations that change an instance run with the application's stopping token, not the request's: a caller that
/// hangs up must not leave a step half applied (the instance would wait for recovery).
/// </remarks>
public static class InstancesApi
{
    /// <summary>Maps <c>POST /api/workflow-definitions/{id}/instances</c> and <c>/api/workflow-instances</c>.</summary>
    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflow-definitions/{definitionId}/instances", Start)
            .RequireAuthorization(Policies.StartInstances).WithTags("Workflow instances");
        var group = app.MapGroup("/api/workflow-instances").WithTags("Workflow instances");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapGet("/{instanceId}", Get).RequireAuthorization(Policies.Read);
        group.MapGet("/{instanceId}/journal", Journal).RequireAuthorization(Policies.Read);
        group.MapGet("/{instanceId}/children", Children).RequireAuthorization(Policies.Read);
        group.MapPost("/{instanceId}/retry", Retry).RequireAuthorization(Policies.OperateInstances);
        group.MapPost("/{instanceId}/cancel", Cancel).RequireAuthorization(Policies.CancelInstances);
        return group;
    }

    private static async Task<Results<Created<InstanceDetail>, Ok<InstanceDetail>>> Start(
        string definitionId, bool? wait, StartInstanceRequest? body, IWorkflowRuntime runtime, IDefinitionStore definitions,
        IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var instance = await runtime.StartAsync(new StartRequest
        {
            DefinitionId = definitionId,
            Version = body?.Version,
            Input = body?.Input,
            CorrelationId = body?.CorrelationId,
            Wait = wait == true,
        }, lifetime.ApplicationStopping);
        var detail = await InstanceViews.ToDetailAsync(instance, definitions, ct);
        return wait == true
            ? TypedResults.Ok(detail)
            : TypedResults.Created($"/api/workflow-instances/{instance.Id}", detail);
    }

    private static async Task<Results<Ok<Page<InstanceSummary>>, ProblemHttpResult>> List(
        string? status, string? definitionId, string? correlationId, DateTimeOffset? from, DateTimeOffset? to, int? pageSize, string? cursor,
        IInstanceStore instances, CancellationToken ct)
    {
        if (!Query.TryParseEnum<WorkflowStatus>(status, "status", out var parsed, out var error)) return Problems.BadRequest(error);
        return TypedResults.Ok(await instances.ListAsync(new InstanceQuery
        {
            Status = parsed,
            DefinitionId = Blank(definitionId),
            CorrelationId = Blank(correlationId),
            From = from,
            To = to,
            PageSize = Query.PageSize(pageSize),
            Cursor = Blank(cursor),
        }, ct));
    }

    private static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> Get(
        string instanceId, IInstanceStore instances, IDefinitionStore definitions, CancellationToken ct)
    {
        var instance = await instances.GetAsync(instanceId, ct);
        return instance is null
            ? Problems.NotFound($"Workflow instance '{instanceId}' does not exist.")
            : TypedResults.Ok(await InstanceViews.ToDetailAsync(instance, definitions, ct));
    }

    private static async Task<Results<Ok<JournalPage>, ProblemHttpResult>> Journal(
        string instanceId, long? after, int? limit, IInstanceStore instances, CancellationToken ct)
    {
        if (await instances.GetAsync(instanceId, ct) is null) return Problems.NotFound($"Workflow instance '{instanceId}' does not exist.");
        var size = Math.Clamp(limit ?? 100, 1, 1000);
        var entries = await instances.GetJournalAsync(instanceId, Math.Max(0, after ?? 0), size, ct);
        return TypedResults.Ok(new JournalPage(entries, entries.Count == size ? entries[^1].Sequence : null));
    }

    // The instances a parent started with Run workflow, oldest first (an indexed lookup by parent_instance_id).
    private static async Task<Results<Ok<IReadOnlyList<InstanceSummary>>, ProblemHttpResult>> Children(
        string instanceId, IInstanceStore instances, CancellationToken ct)
    {
        if (await instances.GetAsync(instanceId, ct) is null) return Problems.NotFound($"Workflow instance '{instanceId}' does not exist.");
        return TypedResults.Ok(await instances.ListChildrenAsync(instanceId, ct));
    }

    private static async Task<Ok<InstanceDetail>> Retry(
        string instanceId, IWorkflowRuntime runtime, IDefinitionStore definitions, IHostApplicationLifetime lifetime, CancellationToken ct) =>
        TypedResults.Ok(await InstanceViews.ToDetailAsync(await runtime.RetryAsync(instanceId, lifetime.ApplicationStopping), definitions, ct));

    private static async Task<Ok<InstanceDetail>> Cancel(
        string instanceId, IWorkflowRuntime runtime, IDefinitionStore definitions, IHostApplicationLifetime lifetime, CancellationToken ct) =>
        TypedResults.Ok(await InstanceViews.ToDetailAsync(await runtime.CancelAsync(instanceId, lifetime.ApplicationStopping), definitions, ct));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The optional body of a start.</summary>
/// <param name="Input">Values for the definition's declared inputs.</param>
/// <param name="CorrelationId">Business key to find the instance by (a case number, an invoice reference).</param>
/// <param name="Version">A specific version to run; the published one when null.</param>
public sealed record StartInstanceRequest(JsonObject? Input, string? CorrelationId, int? Version);
