using Automation.Server.Auth;
using Automation.Server.Errors;
using Automation.Server.Triggers.Schedules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>
/// Checks a cron expression (Quartz syntax, with seconds) and lists its next fire times in a time zone, so that the
/// designer can show a process owner when a schedule will really run, across the clock changes.
/// </summary>
public static class CronApi
{
    /// <summary>The time zone schedules use when none is given.</summary>
    public const string DefaultTimeZone = ScheduleTimes.DefaultTimeZone;

    private const int MaxCount = 20;

    /// <summary>Maps <c>GET /api/cron/next-fire-times</c>.</summary>
    public static RouteGroupBuilder MapCronApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cron").WithTags("Schedules");
        group.MapGet("/next-fire-times", NextFireTimes).RequireAuthorization(Policies.Read);
        return group;
    }

    private static Results<Ok<CronPreview>, ProblemHttpResult> NextFireTimes(
        string? expression, string? timeZone, DateTimeOffset? after, int? count, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return Problems.BadRequest("Give the cron expression as ?expression=, for example '0 0 7 ? * MON-FRI' (07:00 on weekdays).");
        var wanted = count ?? 5;
        if (wanted is < 1 or > MaxCount) return Problems.BadRequest($"count must be between 1 and {MaxCount}; it was {wanted}.");
        if (!ScheduleTimes.TryFindZone(timeZone, out var zone, out var zoneError)) return Problems.BadRequest(zoneError);
        if (!ScheduleTimes.TryParseCron(expression, zone, out var cron, out var cronError)) return Problems.BadRequest(cronError);
        var times = ScheduleTimes.NextCronTimes(cron, after ?? time.GetUtcNow(), wanted).Select(t => ScheduleTimes.InZone(t, zone)).ToList();
        return TypedResults.Ok(new CronPreview(expression.Trim(), zone.Id, times));
    }
}

/// <summary>A valid cron expression and its next fire times, as local times (with their UTC offset) in <see cref="TimeZone"/>.</summary>
public sealed record CronPreview(string Expression, string TimeZone, IReadOnlyList<DateTimeOffset> NextFireTimes);
