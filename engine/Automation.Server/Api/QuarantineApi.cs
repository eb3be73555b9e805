using System.Security.Claims;
using Automation.Engine.Triggers;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Inputs that triggers set aside (messages that do not parse, files that cannot be read), with reprocess and discard.</summary>
public static class QuarantineApi
{
    /// <summary>Maps <c>/api/quarantine</c>.</summary>
    public static RouteGroupBuilder MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quarantine").WithTags("Quarantine");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapGet("/{itemId}", Get).RequireAuthorization(Policies.Read);
        group.MapPost("/{itemId}/reprocess", Reprocess).RequireAuthorization(Policies.OperateTriggers);
        group.MapPost("/{itemId}/discard", Discard).RequireAuthorization(Policies.OperateTriggers);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<QuarantinedItem>>, ProblemHttpResult>> List(string? status, int? limit, ITriggerStore store, CancellationToken ct)
    {
        if (status is not null && status is not (QuarantineStatuses.Quarantined or QuarantineStatuses.Reprocessed or QuarantineStatuses.Discarded))
            return Problems.BadRequest($"'{status}' is not a quarantine status; use quarantined, reprocessed or discarded.");
        return TypedResults.Ok(await store.ListQuarantinedAsync(status, Math.Clamp(limit ?? 100, 1, 500), ct));
    }

    private static async Task<Results<Ok<QuarantinedItem>, ProblemHttpResult>> Get(string itemId, ITriggerStore store, CancellationToken ct) =>
        await store.GetQuarantinedAsync(itemId, ct) is { } item ? TypedResults.Ok(item) : NotFound(itemId);

    // The item is marked first, so two operators pressing Reprocess at once hand it back once; if handing it back fails,
    // the mark is not undone automatically (the input may be half moved), and the error says where it is.
    private static async Task<Results<Ok<QuarantinedItem>, ProblemHttpResult>> Reprocess(
        string itemId, ClaimsPrincipal user, ITriggerStore store, IEnumerable<IQuarantineHandler> handlers, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (await store.GetQuarantinedAsync(itemId, ct) is not { } item) return NotFound(itemId);
        if (item.Status != QuarantineStatuses.Quarantined) return Problems.Conflict($"Quarantined item '{itemId}' was already {item.Status}.");
        var handler = handlers.FirstOrDefault(h => h.Source == item.Source);
        if (handler is null) return Problems.Conflict($"This server cannot reprocess '{item.Source}' inputs (the capability is not installed).");
        if (!await store.ResolveQuarantinedAsync(itemId, QuarantineStatuses.Reprocessed, user.UserName(), clock.GetUtcNow(), ct))
            return Problems.Conflict($"Quarantined item '{itemId}' was resolved by someone else.");
        try
        {
            await handler.ReprocessAsync(item, await store.GetAsync(item.TriggerId, ct), ct);
        }
        catch (QuarantineReprocessException ex)
        {
            return Problems.Conflict(ex.Message);
        }
        loggers.CreateLogger(typeof(QuarantineApi)).LogInformation("Quarantined {Source} {ItemId} handed back to trigger {TriggerId}", item.Source, itemId, item.TriggerId);
        return TypedResults.Ok((await store.GetQuarantinedAsync(itemId, ct))!);
    }

    private static async Task<Results<Ok<QuarantinedItem>, ProblemHttpResult>> Discard(
        string itemId, ClaimsPrincipal user, ITriggerStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await store.GetQuarantinedAsync(itemId, ct) is not { } item) return NotFound(itemId);
        if (!await store.ResolveQuarantinedAsync(itemId, QuarantineStatuses.Discarded, user.UserName(), clock.GetUtcNow(), ct))
            return Problems.Conflict($"Quarantined item '{itemId}' was already {item.Status}.");
        return TypedResults.Ok((await store.GetQuarantinedAsync(itemId, ct))!);
    }

    private static ProblemHttpResult NotFound(string itemId) => Problems.NotFound($"There is no quarantined item '{itemId}'.");
}
