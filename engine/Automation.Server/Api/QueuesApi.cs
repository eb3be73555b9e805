using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Engine.Serialization;
using Automation.Engine.Validation;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Automation.Server.Queues;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Work queues: their settings, adding items (JSON or CSV), listing items, statistics, and taking the next item (bots).</summary>
public static class QueuesApi
{
    /// <summary>Maps <c>/api/queues</c>.</summary>
    public static RouteGroupBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/queues").WithTags("Queues");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapGet("/{name}", Get).RequireAuthorization(Policies.Read);
        group.MapPut("/{name}", Save).RequireAuthorization(Policies.ManageQueues);
        group.MapGet("/{name}/statistics", Statistics).RequireAuthorization(Policies.Read);
        group.MapGet("/{name}/items", ListItems).RequireAuthorization(Policies.Read);
        group.MapPost("/{name}/items", AddItems).RequireAuthorization(Policies.AddQueueItems).Accepts<JsonNode>("application/json");
        group.MapPost("/{name}/items/csv", AddItemsCsv).RequireAuthorization(Policies.AddQueueItems).Accepts<string>("text/csv");
        group.MapPost("/{name}/take", Take).RequireAuthorization(Policies.WorkQueueItems);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<QueueView>>> List(IWorkQueueStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<QueueView>>((await store.ListQueuesAsync(ct)).Select(QueueView.Of).ToList());

    private static async Task<Results<Ok<QueueView>, ProblemHttpResult>> Get(string name, IWorkQueueStore store, CancellationToken ct) =>
        await store.GetQueueAsync(name, ct) is { } q ? TypedResults.Ok(QueueView.Of(q)) : NotFound(name);

    private static async Task<Results<Created<QueueView>, Ok<QueueView>, ProblemHttpResult>> Save(
        string name, QueueSettingsBody body, IWorkQueueStore store, TimeProvider clock, ClaimsPrincipal user, ILogger<QueueSettingsBody> logger, CancellationToken ct)
    {
        var existed = await store.GetQueueAsync(name, ct) is not null;
        WorkQueue saved;
        try
        {
            saved = await store.SaveQueueAsync(body.ToQueue(name), clock.GetUtcNow(), ct);
        }
        catch (ArgumentException e)
        {
            return Problems.Invalid("The queue settings are invalid", [new ValidationError("invalid-setting", e.Message, Field: BodyField(e.ParamName))]);
        }

        logger.LogInformation("{Action} work queue {Queue} by {User}", existed ? "Updated" : "Created", name, user.UserName());
        var view = QueueView.Of(saved);
        return existed ? TypedResults.Ok(view) : TypedResults.Created($"/api/queues/{Uri.EscapeDataString(name)}", view);
    }

    private static async Task<Results<Ok<QueueStatisticsView>, ProblemHttpResult>> Statistics(
        string name, int? windowHours, IWorkQueueStore store, Engine.Bots.IBotWorkerStore bots, TimeProvider clock, CancellationToken ct)
    {
        if (await store.GetQueueAsync(name, ct) is null) return NotFound(name);
        if (windowHours is < 1 or > 24 * 90) return Problems.BadRequest("windowHours must be between 1 and 2160.");
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromHours(windowHours ?? 24);
        var stats = await store.GetStatisticsAsync(name, now, window, ct);
        return TypedResults.Ok(QueueStatisticsView.Of(stats, BotMetricsView.ReasonsOf(await bots.GetActivityAsync(now - window, name, ct))));
    }

    private static async Task<Results<Ok<Page<QueueItem>>, ProblemHttpResult>> ListItems(
        string name, [AsParameters] QueueItemFilters filters, string? cursor, int? pageSize, IWorkQueueStore store, CancellationToken ct)
    {
        var (query, errors) = filters.ToQuery();
        if (query is null) return Problems.Invalid("The item filters are invalid", errors);
        if (await store.GetQueueAsync(name, ct) is null) return NotFound(name);
        return TypedResults.Ok(await store.ListItemsAsync(name, query, cursor, Query.PageSize(pageSize), ct));
    }

    // One item (a JSON object) or a batch (a JSON array of them); all are added or none.
    private static async Task<Results<Created<AddItemsResult>, ProblemHttpResult>> AddItems(
        string name, HttpRequest request, IWorkQueueStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        var nodes = body switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => null,
        };
        if (nodes is null || nodes.Count == 0)
            return Problems.BadRequest("The body must be an item (a JSON object) or a non-empty array of items.");
        var items = new List<NewQueueItem>();
        for (var i = 0; i < nodes.Count; i++)
        {
            try
            {
                items.Add(nodes[i].Deserialize<NewQueueItem>(EngineJson.Options) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                return Problems.Invalid("An item is not valid", [new ValidationError("invalid-item", $"items[{i}]: {e.Message}", Field: $"items[{i}]")]);
            }
        }

        return await AddAsync(name, items, store, clock, user, ct);
    }

    private static async Task<Results<Created<AddItemsResult>, ProblemHttpResult>> AddItemsCsv(
        string name, string? referenceColumn, HttpRequest request, IWorkQueueStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await store.GetQueueAsync(name, ct) is not { } queue) return NotFound(name);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var (items, errors) = QueueItemsCsv.Read(await reader.ReadToEndAsync(ct), queue, referenceColumn);
        if (errors.Count > 0) return Problems.Invalid("The CSV is invalid; nothing was added", errors);
        if (items.Count == 0) return Problems.BadRequest("The CSV has a header but no rows; nothing was added.");
        return await AddAsync(name, items, store, clock, user, ct);
    }

    private static async Task<Results<Created<AddItemsResult>, ProblemHttpResult>> AddAsync(
        string name, IReadOnlyList<NewQueueItem> items, IWorkQueueStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            var result = await store.AddItemsAsync(name, items, user.UserName(), clock.GetUtcNow(), ct);
            return TypedResults.Created($"/api/queues/{Uri.EscapeDataString(name)}/items", result);
        }
        catch (WorkQueueNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (QueueItemDataInvalidException e)
        {
            return Problems.Invalid("Item data does not match the queue's schema; nothing was added",
                e.Errors.Select(x => x.Error with { Field = $"items[{x.Index}].data" + (x.Error.Field is { } f && f != "data" ? "." + f : "") }).ToList());
        }
        catch (DuplicateQueueItemException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Duplicate reference",
                extensions: new Dictionary<string, object?> { ["references"] = e.References });
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<Results<Ok<QueueItem>, NoContent, ProblemHttpResult>> Take(
        string name, IWorkQueueStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await store.GetQueueAsync(name, ct) is null) return NotFound(name);
        return await store.TakeNextAsync(name, user.UserName(), clock.GetUtcNow(), ct) is { } item ? TypedResults.Ok(item) : TypedResults.NoContent();
    }

    // The store names the model's settings; the body counts them in whole units under other names.
    private static string? BodyField(string? setting) => setting switch
    {
        "leaseDuration" => "leaseSeconds",
        "abandonAfter" => "abandonAfterMinutes",
        "defaultSla" => "slaMinutes",
        _ => setting,
    };

    private static ProblemHttpResult NotFound(string name) => Problems.NotFound($"There is no work queue named '{name}'.");
}
