using Automation.Bots.Browser.Workers;
using Automation.Engine.Bots;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Automation.Server.Api;

/// <summary>The bot registry (every bot host's workers) and what the bots did.</summary>
public static class BotsApi
{
    /// <summary>Maps <c>/api/bots</c>.</summary>
    public static RouteGroupBuilder MapBotsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bots").WithTags("Bots");
        group.MapGet("/", List).RequireAuthorization(Policies.ReadBots);
        group.MapGet("/metrics", Metrics).RequireAuthorization(Policies.ReadBots);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<BotWorkerView>>> List(IBotWorkerStore store, IOptions<BotHostOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<BotWorkerView>>(
            (await store.ListAsync(ct)).Select(w => BotWorkerView.Of(w, now, options.Value.HeartbeatInterval)).ToList());
    }

    private static async Task<Results<Ok<BotMetricsView>, ProblemHttpResult>> Metrics(int? hours, IBotWorkerStore store, TimeProvider clock, CancellationToken ct)
    {
        if (hours is < 1 or > 24 * 90) return Problems.BadRequest("hours must be between 1 and 2160.");
        var window = hours ?? 24;
        var since = clock.GetUtcNow() - TimeSpan.FromHours(window);
        return TypedResults.Ok(BotMetricsView.Of(window, since, await store.GetActivityAsync(since, null, ct)));
    }
}
