using Automation.Engine.Persistence;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Counts for the operations dashboard: instances per day, instances that have not ended, open tasks.</summary>
public static class StatisticsApi
{
    /// <summary>The most days <c>GET /api/statistics/instances</c> reports.</summary>
    public const int MaxDays = 90;

    /// <summary>Maps <c>GET /api/statistics/instances</c>.</summary>
    public static RouteGroupBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistics");
        group.MapGet("/instances", Instances).RequireAuthorization(Policies.Read);
        return group;
    }

    private static async Task<Results<Ok<InstanceStatistics>, ProblemHttpResult>> Instances(
        int? days, IInstanceStatistics statistics, TimeProvider clock, CancellationToken ct)
    {
        var count = days ?? 14;
        if (count is < 1 or > MaxDays) return Problems.BadRequest($"'days' must be from 1 to {MaxDays}; it was {count}.");

        var calendar = DashboardCalendar.Instance;
        var periods = calendar.LastDays(clock.GetUtcNow(), count);
        var perDay = await statistics.CountInstancesAsync([.. periods.Select(p => p.Period)], ct);
        var dayCounts = perDay.Select((c, i) => new DayCounts(periods[i].Date, c.Period.Start.ToUniversalTime(), c.Started, c.Finished, c.Faulted, c.Cancelled)).ToList();
        var totals = new InstanceTotals(dayCounts.Sum(d => d.Started), dayCounts.Sum(d => d.Finished), dayCounts.Sum(d => d.Faulted), dayCounts.Sum(d => d.Cancelled));
        var current = await statistics.CountCurrentInstancesAsync(ct);
        var tasks = await statistics.CountOpenTasksAsync(ct);
        return TypedResults.Ok(new InstanceStatistics(calendar.TimeZoneId, dayCounts, totals, current, tasks));
    }
}

/// <summary>The days of the dashboard: calendar days in Europe/London (GMT in winter, BST in summer), as councils count them.</summary>
/// <remarks>Falls back to UTC when the machine has no time zone data; the response names the zone used.</remarks>
internal sealed class DashboardCalendar
{
    public static readonly DashboardCalendar Instance = new();

    private readonly TimeZoneInfo _zone;

    private DashboardCalendar()
    {
        try
        {
            _zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            _zone = TimeZoneInfo.Utc;
        }
    }

    /// <summary>The IANA id of the zone the days are counted in.</summary>
    public string TimeZoneId => _zone == TimeZoneInfo.Utc ? "UTC" : "Europe/London";

    /// <summary>The <paramref name="count"/> days up to and including today (at <paramref name="now"/>), oldest first.</summary>
    public IReadOnlyList<(DateOnly Date, TimePeriod Period)> LastDays(DateTimeOffset now, int count)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var date = today.AddDays(i - count + 1);
            return (date, new TimePeriod(Midnight(date), Midnight(date.AddDays(1))));
        })];
    }

    // Midnight is never skipped or repeated in Europe/London (the clocks change at 01:00 and 02:00), so the offset is unambiguous.
    private DateTimeOffset Midnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}

/// <summary>The answer of <c>GET /api/statistics/instances</c>.</summary>
/// <param name="TimeZone">The zone whose calendar days <paramref name="Days"/> are (<c>Europe/London</c>).</param>
/// <param name="Days">One entry per day, oldest first, ending today.</param>
/// <param name="Totals">The sums over <paramref name="Days"/>.</param>
/// <param name="Current">Instances that have not ended, now.</param>
/// <param name="OpenTasks">Human tasks not yet completed or cancelled, now.</param>
public sealed record InstanceStatistics(string TimeZone, IReadOnlyList<DayCounts> Days, InstanceTotals Totals, CurrentInstanceCounts Current, OpenTaskCounts OpenTasks);

/// <summary>The instances started (created), finished, faulted and cancelled on one day.</summary>
/// <param name="Date">The calendar day.</param>
/// <param name="Start">When the day began: local midnight, given in UTC.</param>
/// <param name="Started">Instances created that day.</param>
/// <param name="Finished">Instances that finished that day.</param>
/// <param name="Faulted">Instances that faulted that day and are still faulted.</param>
/// <param name="Cancelled">Instances cancelled that day.</param>
public sealed record DayCounts(DateOnly Date, DateTimeOffset Start, long Started, long Finished, long Faulted, long Cancelled);

/// <summary>Sums of <see cref="DayCounts"/> over the days reported.</summary>
public sealed record InstanceTotals(long Started, long Finished, long Faulted, long Cancelled);
