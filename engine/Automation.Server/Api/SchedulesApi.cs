using System.Security.Claims;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Triggers;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Automation.Server.Triggers.Schedules;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace Automation.Server.Api;

/// <summary>
/// The Schedule triggers with their next fire times (in UTC and in each schedule's own time zone), and running one now.
/// Pausing and resuming are <c>POST /api/triggers/{id}/pause|resume</c>.
/// </summary>
public static class SchedulesApi
{
    private const int MaxCount = 20;

    /// <summary>Maps <c>GET /api/schedules</c> and <c>POST /api/schedules/{triggerId}/run</c>.</summary>
    public static RouteGroupBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schedules").WithTags("Schedules");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapPost("/{triggerId}/run", Run).RequireAuthorization(Policies.OperateTriggers);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<ScheduleView>>, ProblemHttpResult>> List(
        int? count, ITriggerStore store, ActivityRegistry activities, ISchedulerFactory schedulers, TimeProvider clock, CancellationToken ct)
    {
        var wanted = count ?? 5;
        if (wanted is < 0 or > MaxCount) return Problems.BadRequest($"count must be between 0 and {MaxCount}; it was {wanted}.");
        var scheduler = await schedulers.GetScheduler(ct);
        var now = clock.GetUtcNow();
        var views = new List<ScheduleView>();
        foreach (var registration in await store.ListAsync(ScheduleTrigger.TypeName, ct))
        {
            var events = await store.ListEventsAsync(registration.Id, 50, ct);
            var lastFired = events.FirstOrDefault(e => e.Kind == TriggerEventKinds.Fired);
            ScheduleSpec spec;
            try
            {
                spec = ScheduleSpec.Read(activities, registration);
            }
            catch (ScheduleSettingsException e)
            {
                views.Add(ScheduleView.Unusable(registration, lastFired, e.Message));
                continue;
            }
            var times = registration.Paused ? [] : await NextFireTimesAsync(spec, scheduler, now, wanted, ct);
            views.Add(ScheduleView.Of(spec, times.Select(t => new ScheduleFireTime(t, ScheduleTimes.InZone(t, spec.Zone))).ToList(), lastFired));
        }
        return TypedResults.Ok<IReadOnlyList<ScheduleView>>(views);
    }

    // A cron schedule's times follow from the expression alone (the designer's preview computes them the same way). An
    // interval series is anchored where Quartz holds it (its misfire handling may have moved it), else at its publish time.
    private static async Task<IReadOnlyList<DateTimeOffset>> NextFireTimesAsync(
        ScheduleSpec spec, IScheduler scheduler, DateTimeOffset now, int count, CancellationToken ct)
    {
        if (count == 0) return [];
        if (spec.Interval is { } interval
            && await scheduler.GetTrigger(new TriggerKey(spec.Registration.Id, ScheduleJob.Group), ct) is { NextFireTimeUtc: { } next })
            return ScheduleTimes.NextIntervalTimes(next - interval, interval, now, count);
        return spec.NextFireTimes(now, count);
    }

    private static async Task<Results<Created<ScheduleRun>, ProblemHttpResult>> Run(
        string triggerId, ClaimsPrincipal user, ITriggerStore store, ScheduleFiring firing, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var registration = await store.GetAsync(triggerId, ct);
        if (registration is null || registration.Type != ScheduleTrigger.TypeName)
            return Problems.NotFound($"There is no schedule '{triggerId}'.");
        if (registration.Paused)
            return Problems.Conflict($"Schedule '{triggerId}' is paused; resume it (POST /api/triggers/{triggerId}/resume) before running it.");
        try
        {
            // The start must not be abandoned half-way because the caller hung up: stop only when the server stops.
            var fired = await firing.RunNowAsync(registration, user.UserName(), lifetime.ApplicationStopping);
            return TypedResults.Created($"/api/workflow-instances/{fired.InstanceId}", new ScheduleRun(triggerId, fired.InstanceId));
        }
        catch (TriggerPausedException)
        {
            return Problems.Conflict($"Schedule '{triggerId}' was paused; resume it before running it.");
        }
        catch (ScheduleSettingsException e)
        {
            return Problems.Conflict(e.Message);
        }
    }
}

/// <summary>A fire time in UTC and as the local time (with its offset) in the schedule's time zone.</summary>
public sealed record ScheduleFireTime(DateTimeOffset Utc, DateTimeOffset Local);

/// <summary>The instance a "run now" started.</summary>
/// <param name="TriggerId">The schedule.</param>
/// <param name="InstanceId">The new instance (<c>GET /api/workflow-instances/{id}</c>).</param>
public sealed record ScheduleRun(string TriggerId, string InstanceId);

/// <summary>A Schedule trigger as the console shows it.</summary>
/// <param name="TriggerId">The trigger's id (<c>{workflowId}:{activityId}</c>), as in <c>/api/triggers</c>.</param>
/// <param name="DefinitionId">The workflow it starts.</param>
/// <param name="Version">The published version its settings were read from.</param>
/// <param name="Cron">The cron expression, or null for an interval schedule.</param>
/// <param name="Interval">The interval, or null for a cron schedule.</param>
/// <param name="TimeZone">The time zone the cron expression is read in and <see cref="ScheduleFireTime.Local"/> is given in.</param>
/// <param name="Misfire">What the schedule does about fire times missed while the server was down.</param>
/// <param name="Paused">True while paused (then <see cref="NextFireTimes"/> is empty).</param>
/// <param name="NextFireTimes">The next fire times, soonest first.</param>
/// <param name="LastFired">The newest event in which the schedule started an instance, if any.</param>
/// <param name="Problem">Why the schedule cannot run, when its stored settings are unusable; otherwise null.</param>
public sealed record ScheduleView(
    string TriggerId, string DefinitionId, int Version, string? Cron, TimeSpan? Interval, string TimeZone, ScheduleMisfirePolicy Misfire,
    bool Paused, IReadOnlyList<ScheduleFireTime> NextFireTimes, TriggerEvent? LastFired, string? Problem)
{
    internal static ScheduleView Of(ScheduleSpec spec, IReadOnlyList<ScheduleFireTime> times, TriggerEvent? lastFired) => new(
        spec.Registration.Id, spec.Registration.DefinitionId, spec.Registration.Version, spec.Cron?.CronExpressionString, spec.Interval,
        spec.Zone.Id, spec.Misfire, spec.Registration.Paused, times, lastFired, null);

    internal static ScheduleView Unusable(TriggerRegistration registration, TriggerEvent? lastFired, string problem) => new(
        registration.Id, registration.DefinitionId, registration.Version, registration.Settings["cron"]?.ToString(), null,
        registration.Settings["timeZone"]?.ToString() ?? ScheduleTimes.DefaultTimeZone, ScheduleMisfirePolicy.FireOnce,
        registration.Paused, [], lastFired, problem);
}
