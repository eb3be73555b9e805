using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace Automation.Server.Api;

/// <summary>
/// Checks a cron expression (Quartz syntax, with seconds) and lists its next fire times in a time zone, so that the
/// designer can show a process owner when a schedule will really run, across the clock changes.
/// </summary>
public static class CronApi
{
    /// <summary>The time zone schedules use when none is given.</summary>
    public const string DefaultTimeZone = "Europe/London";

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
        var zoneId = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Problems.BadRequest($"'{zoneId}' is not a time zone this server knows; use an IANA name such as Europe/London.");
        }

        CronExpression cron;
        try
        {
            cron = new CronExpression(expression.Trim(), zone);
        }
        catch (FormatException e)
        {
            return Problems.BadRequest($"'{expression.Trim()}' is not a valid cron expression: {e.Message} " +
                "Quartz cron has six or seven fields: seconds, minutes, hours, day of month, month, day of week, optional year.");
        }

        var times = new List<DateTimeOffset>(wanted);
        var from = after ?? time.GetUtcNow();
        while (times.Count < wanted && cron.GetNextValidTimeAfter(from) is { } next)
        {
            times.Add(TimeZoneInfo.ConvertTime(next, zone));
            from = next;
        }
        return TypedResults.Ok(new CronPreview(expression.Trim(), zone.Id, times));
    }
}

/// <summary>A valid cron expression and its next fire times, as local times (with their UTC offset) in <see cref="TimeZone"/>.</summary>
public sealed record CronPreview(string Expression, string TimeZone, IReadOnlyList<DateTimeOffset> NextFireTimes);
