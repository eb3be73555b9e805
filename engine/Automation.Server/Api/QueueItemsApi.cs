using System.Security.Claims;
using Automation.Engine.Documents;
using Automation.Engine.Queues;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>
/// One queue item: its detail and history, the operator's retry, abandon and delete, and the holder bot's heartbeat,
/// complete, fail and release. A bot acts as the API key it signs in with.
/// </summary>
public static class QueueItemsApi
{
    /// <summary>Maps <c>/api/queue-items</c>.</summary>
    public static RouteGroupBuilder MapQueueItemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/queue-items").WithTags("Queues");
        group.MapGet("/{itemId}", Get).RequireAuthorization(Policies.Read);
        group.MapPost("/{itemId}/retry", (string itemId, IWorkQueueStore s, TimeProvider c, ClaimsPrincipal u, CancellationToken ct) =>
            Answer(itemId, s.RetryAsync(itemId, u.UserName(), c.GetUtcNow(), ct), "only a failed or abandoned item can be retried")).RequireAuthorization(Policies.ManageQueues);
        group.MapPost("/{itemId}/abandon", (string itemId, IWorkQueueStore s, TimeProvider c, ClaimsPrincipal u, CancellationToken ct) =>
            Answer(itemId, s.AbandonAsync(itemId, u.UserName(), c.GetUtcNow(), ct), "only a new or in-progress item can be abandoned")).RequireAuthorization(Policies.ManageQueues);
        group.MapDelete("/{itemId}", (string itemId, IWorkQueueStore s, TimeProvider c, ClaimsPrincipal u, CancellationToken ct) =>
            Answer(itemId, s.DeleteAsync(itemId, u.UserName(), c.GetUtcNow(), ct), "an item in progress (or already deleted) cannot be deleted")).RequireAuthorization(Policies.ManageQueues);
        group.MapPost("/{itemId}/heartbeat", (string itemId, IWorkQueueStore s, TimeProvider c, ClaimsPrincipal u, CancellationToken ct) =>
            Answer(itemId, s.HeartbeatAsync(itemId, u.UserName(), c.GetUtcNow(), ct), NotHeld(u))).RequireAuthorization(Policies.WorkQueueItems);
        group.MapPost("/{itemId}/release", (string itemId, IWorkQueueStore s, TimeProvider c, ClaimsPrincipal u, CancellationToken ct) =>
            Answer(itemId, s.ReleaseAsync(itemId, u.UserName(), c.GetUtcNow(), ct), NotHeld(u))).RequireAuthorization(Policies.WorkQueueItems);
        group.MapPost("/{itemId}/complete", (string itemId, CompleteItemBody? body, IWorkQueueStore s, TimeProvider c, ClaimsPrincipal u, CancellationToken ct) =>
            Answer(itemId, s.CompleteAsync(itemId, u.UserName(), body?.Output, c.GetUtcNow(), ct), NotHeld(u))).RequireAuthorization(Policies.WorkQueueItems);
        group.MapPost("/{itemId}/fail", Fail).RequireAuthorization(Policies.WorkQueueItems);
        return group;
    }

    private static async Task<Results<Ok<QueueItemDetail>, ProblemHttpResult>> Get(
        string itemId, IWorkQueueStore store, IQueueEvidenceStore evidence, IDocumentStore documents, CancellationToken ct)
    {
        if (await store.GetItemAsync(itemId, ct) is not { } item) return NotFound(itemId);
        var views = new List<QueueItemEvidenceView>();
        foreach (var e in await evidence.ListAsync(itemId, ct))
        {
            // A document removed since is left out rather than listed with a link that answers 404.
            if (await documents.GetAsync(e.DocumentId, ct) is { } d) views.Add(new(e.DocumentId, d.Name, e.Kind, d.ContentType, e.Attempt, e.CreatedAt));
        }

        return TypedResults.Ok(new QueueItemDetail(item, await store.GetHistoryAsync(itemId, ct), views));
    }

    private static async Task<Results<Ok<QueueItem>, ProblemHttpResult>> Fail(
        string itemId, FailItemBody body, IWorkQueueStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<Engine.Validation.ValidationError>();
        if (body.Kind is null) errors.Add(new("required", "kind is required: business (bad data, never retried) or system (retried).", Field: "kind"));
        if (string.IsNullOrWhiteSpace(body.Reason)) errors.Add(new("required", "reason is required: say why the item failed.", Field: "reason"));
        if (errors.Count > 0) return Problems.Invalid("The failure is incomplete", errors);
        return await Answer(itemId, store.FailAsync(itemId, user.UserName(), body.Kind!.Value, body.Reason!.Trim(),
            string.IsNullOrWhiteSpace(body.Code) ? null : body.Code.Trim(), clock.GetUtcNow(), ct), NotHeld(user));
    }

    private static async Task<Results<Ok<QueueItem>, ProblemHttpResult>> Answer(string itemId, Task<QueueItemChange?> change, string refusal) =>
        await change switch
        {
            null => NotFound(itemId),
            { Changed: true, Item: var item } => TypedResults.Ok(item),
            { Item: var item } => Problems.Conflict($"Queue item '{itemId}' is {item.Status}{(item.HeldBy is { } h && item.Status == QueueItemStatus.InProgress ? $" (held by {h})" : "")}: {refusal}."),
        };

    private static string NotHeld(ClaimsPrincipal user) => $"{user.UserName()} does not hold it (its lease may have expired)";

    private static ProblemHttpResult NotFound(string itemId) => Problems.NotFound($"There is no queue item '{itemId}'.");
}
