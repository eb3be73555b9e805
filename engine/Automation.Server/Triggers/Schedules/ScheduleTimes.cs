using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace Automation.Server.Triggers.Schedules;

/// <summary>
/// Time zones and cron expressions as schedules read them, and the fire times they give. Shared by the Schedule
/// trigger's checks, the schedule host, <c>GET /api/schedules</c> and the designer's cron preview, so all agree.
/// </summary>
public static class ScheduleTimes
{
    /// <summary>The time zone schedules use when none is given.</summary>
    public const string DefaultTimeZone = "Europe/London";

    /// <summary>Finds an IANA (or Windows) time zone; a blank id is <see cref="DefaultTimeZone"/>.</summary>
    /// <returns>False, with a sentence naming the id, when this server does not know the zone.</returns>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone, [NotNullWhen(false)] out string? error)
    {
        var zoneId = string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id.Trim();
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            error = null;
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            error = $"'{zoneId}' is not a time zone this server knows; use an IANA name such as Europe/London.";
            return false;
        }
    }

    /// <summary>Parses a Quartz cron expression read in <paramref name="zone"/>.</summary>
    /// <returns>False, with a sentence saying what is wrong and what the fields are, when it does not parse.</returns>
    public static bool TryParseCron(string expression, TimeZoneInfo zone, [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        try
        {
            cron = new CronExpression(expression.Trim(), zone);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            cron = null;
            error = $"'{expression.Trim()}' is not a valid cron expression: {e.Message} " +
                "Quartz cron has six or seven fields: seconds, minutes, hours, day of month, month, day of week, optional year.";
            return false;
        }
    }

    /// <summary>Up to <paramref name="count"/> fire times of <paramref name="cron"/> after <paramref name="after"/>, in UTC.</summary>
    public static IReadOnlyList<DateTimeOffset> NextCronTimes(CronExpression cron, DateTimeOffset after, int count)
    {
        var times = new List<DateTimeOffset>(count);
        var from = after;
        while (times.Count < count && cron.GetNextValidTimeAfter(from) is { } next)
        {
            times.Add(next.ToUniversalTime());
            from = next;
        }
        return times;
    }

    /// <summary>
    /// The first <paramref name="count"/> times of the series <paramref name="anchor"/> + k × <paramref name="interval"/>
    /// (k ≥ 1) after <paramref name="after"/>, in UTC.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> NextIntervalTimes(DateTimeOffset anchor, TimeSpan interval, DateTimeOffset after, int count)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        var steps = after < anchor ? 1 : (after - anchor).Ticks / interval.Ticks + 1;
        var times = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++) times.Add((anchor + TimeSpan.FromTicks(interval.Ticks * (steps + i))).ToUniversalTime());
        return times;
    }

    /// <summary>A UTC time as the local time (with its offset) in <paramref name="zone"/>.</summary>
    public static DateTimeOffset InZone(DateTimeOffset time, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(time, zone);
}
