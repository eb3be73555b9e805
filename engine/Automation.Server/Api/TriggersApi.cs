using System.Text.Json.Nodes;
using Automation.Engine.Triggers;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>The triggers of published workflows, their recent events, and pausing them.</summary>
public static class TriggersApi
{
    /// <summary>Maps <c>/api/triggers</c>.</summary>
    public static RouteGroupBuilder MapTriggersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/triggers").WithTags("Triggers");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapGet("/{triggerId}", Get).RequireAuthorization(Policies.Read);
        group.MapGet("/{triggerId}/events", Events).RequireAuthorization(Policies.Read);
        group.MapPost("/{triggerId}/pause", (string triggerId, TriggerCatalog catalog, ITriggerStore store, CancellationToken ct) =>
            SetPaused(triggerId, true, catalog, store, ct)).RequireAuthorization(Policies.OperateTriggers);
        group.MapPost("/{triggerId}/resume", (string triggerId, TriggerCatalog catalog, ITriggerStore store, CancellationToken ct) =>
            SetPaused(triggerId, false, catalog, store, ct)).RequireAuthorization(Policies.OperateTriggers);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<TriggerView>>> List(string? type, ITriggerStore store, CancellationToken ct)
    {
        var views = new List<TriggerView>();
        foreach (var trigger in await store.ListAsync(type, ct)) views.Add(await ViewAsync(trigger, store, ct));
        return TypedResults.Ok<IReadOnlyList<TriggerView>>(views);
    }

    private static async Task<Results<Ok<TriggerView>, ProblemHttpResult>> Get(string triggerId, ITriggerStore store, CancellationToken ct) =>
        await store.GetAsync(triggerId, ct) is { } trigger
            ? TypedResults.Ok(await ViewAsync(trigger, store, ct))
            : NotFound(triggerId);

    private static async Task<Results<Ok<IReadOnlyList<TriggerEvent>>, ProblemHttpResult>> Events(
        string triggerId, int? limit, ITriggerStore store, CancellationToken ct)
    {
        if (await store.GetAsync(triggerId, ct) is null) return NotFound(triggerId);
        return TypedResults.Ok(await store.ListEventsAsync(triggerId, Math.Clamp(limit ?? 50, 1, 500), ct));
    }

    private static async Task<Results<Ok<TriggerView>, ProblemHttpResult>> SetPaused(
        string triggerId, bool paused, TriggerCatalog catalog, ITriggerStore store, CancellationToken ct)
    {
        if (!await catalog.SetPausedAsync(triggerId, paused, ct)) return NotFound(triggerId);
        var trigger = await store.GetAsync(triggerId, ct);
        return trigger is null ? NotFound(triggerId) : TypedResults.Ok(await ViewAsync(trigger, store, ct));
    }

    private static async Task<TriggerView> ViewAsync(TriggerRegistration trigger, ITriggerStore store, CancellationToken ct) =>
        TriggerView.Of(trigger, (await store.ListEventsAsync(trigger.Id, 1, ct)).FirstOrDefault());

    private static ProblemHttpResult NotFound(string triggerId) => Problems.NotFound($"There is no trigger '{triggerId}'.");
}

/// <summary>A trigger as the console shows it.</summary>
/// <param name="Id">The trigger's id (<c>{workflowId}:{activityId}</c>).</param>
/// <param name="DefinitionId">The workflow it starts.</param>
/// <param name="Version">The published version it was read from.</param>
/// <param name="ActivityId">The trigger activity.</param>
/// <param name="Type">The trigger type (Schedule, HttpEndpoint, EmailReceived, FileDropped).</param>
/// <param name="Key">What it listens on, where its type has a key.</param>
/// <param name="Settings">Its settings (no secrets: credentials are referred to by name).</param>
/// <param name="Paused">True while paused.</param>
/// <param name="LastEvent">Its newest event, if any.</param>
public sealed record TriggerView(
    string Id, string DefinitionId, int Version, string ActivityId, string Type, string? Key, JsonObject Settings, bool Paused, TriggerEvent? LastEvent)
{
    internal static TriggerView Of(TriggerRegistration t, TriggerEvent? last) =>
        new(t.Id, t.DefinitionId, t.Version, t.ActivityId, t.Type, t.Key, t.Settings, t.Paused, last);
}
