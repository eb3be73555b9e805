using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Server.Triggers.Schedules;

/// <summary>
/// Starts its workflow on a schedule: a Quartz cron expression in a time zone (so 07:00 stays 07:00 across the clock
/// changes), or a fixed interval. The workflow's input is the schedule's <see cref="Input"/> with the scheduled and
/// actual fire times added.
/// </summary>
[Activity(ScheduleTrigger.TypeName, Category = "Triggers", IsTrigger = true, DisplayName = "Schedule",
    Description = "Starts the workflow on a timetable (a cron expression in a time zone) or every so often (an interval).")]
[Outcome(Outcomes.Done)]
[Output(ScheduleEvent.ScheduledAt, "datetime", Description = "The time the schedule was due (UTC); when an operator ran it now, the time they asked.")]
[Output(ScheduleEvent.FiredAt, "datetime", Description = "The time the workflow was actually started (UTC).")]
[Output(ScheduleEvent.Manual, "boolean", Description = "True when an operator ran the schedule now rather than the clock.")]
[Output(ScheduleEvent.TriggerId, "string", Description = "The schedule's trigger id.")]
public sealed class ScheduleTrigger : TriggerActivity
{
    /// <summary>The activity type name, also the trigger registrations' type.</summary>
    public const string TypeName = "Schedule";

    /// <summary>The shortest interval allowed.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>Quartz cron expression (with seconds), for example <c>0 0 7 ? * MON-FRI</c>.</summary>
    [Input(Description = "When to start, as a Quartz cron expression with seconds: e.g. 0 0 7 ? * MON-FRI is 07:00 on weekdays. Leave empty to use an interval instead.",
        Editor = InputEditors.Cron)]
    public string? Cron { get; set; }

    /// <summary>A fixed interval used instead of <see cref="Cron"/>.</summary>
    [Input(Description = "Start every so often instead of on a timetable, e.g. 00:15:00 for every 15 minutes (at least one second). Leave empty when a cron expression is given.")]
    public TimeSpan? Interval { get; set; }

    /// <summary>The IANA time zone the cron expression is read in.</summary>
    [Input(Description = "The time zone the cron expression's times are in (an IANA name); Europe/London follows British Summer Time.")]
    public string TimeZone { get; set; } = ScheduleTimes.DefaultTimeZone;

    /// <summary>What to do about fire times missed while the server was down or busy.</summary>
    [Input(Description = "Fire times missed while the server was down: FireOnce starts the workflow once as soon as it can; Skip waits for the next time.")]
    public ScheduleMisfirePolicy Misfire { get; set; } = ScheduleMisfirePolicy.FireOnce;

    /// <summary>Values passed to every instance as its input.</summary>
    [Input(Description = "Input given to every instance the schedule starts, as a JSON object (scheduledAt, firedAt, manual and triggerId are added).", Editor = InputEditors.Json)]
    public JsonObject? Input { get; set; }

    /// <inheritdoc />
    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        var hasCron = !string.IsNullOrWhiteSpace(Cron);
        if (hasCron == Interval.HasValue)
        {
            yield return hasCron
                ? ("interval", "Give either a cron expression or an interval, not both.")
                : ("cron", "Give a cron expression (e.g. 0 0 7 ? * MON-FRI) or an interval (e.g. 00:15:00).");
            yield break;
        }
        if (Interval is { } interval && interval < MinimumInterval)
            yield return ("interval", $"The interval must be at least {MinimumInterval.TotalSeconds:0} second; it was {interval}.");
        if (!ScheduleTimes.TryFindZone(TimeZone, out var zone, out var zoneError))
        {
            yield return ("timeZone", zoneError);
            yield break;
        }
        if (hasCron)
        {
            if (!ScheduleTimes.TryParseCron(Cron!, zone, out var cron, out var cronError)) yield return ("cron", cronError);
            else if (cron.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null) yield return ("cron", $"'{Cron!.Trim()}' has no fire times in the future.");
        }
    }
}
