using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Triggers;
using Quartz;

namespace Automation.Server.Triggers.Schedules;

/// <summary>
/// A Schedule trigger registration read into a timetable: its cron expression or interval, time zone, misfire policy
/// and input, and the fire times that follow from them.
/// </summary>
public sealed class ScheduleSpec
{
    private ScheduleSpec(TriggerRegistration registration, CronExpression? cron, TimeSpan? interval, TimeZoneInfo zone,
        ScheduleMisfirePolicy misfire, JsonObject? input)
    {
        Registration = registration;
        Cron = cron;
        Interval = interval;
        Zone = zone;
        Misfire = misfire;
        Input = input;
        Hash = HashOf(registration);
    }

    /// <summary>The registration read.</summary>
    public TriggerRegistration Registration { get; }

    /// <summary>The cron expression (read in <see cref="Zone"/>), or null for an interval schedule.</summary>
    public CronExpression? Cron { get; }

    /// <summary>The interval, or null for a cron schedule.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>The time zone the cron expression is read in (and local times are shown in).</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>What to do about missed fire times.</summary>
    public ScheduleMisfirePolicy Misfire { get; }

    /// <summary>The input given to every instance, if any.</summary>
    public JsonObject? Input { get; }

    /// <summary>
    /// A digest of the registration's version and settings: the schedule host replaces a Quartz job only when this
    /// changes, so republishing or reconciling on another node does not reset a schedule that did not change.
    /// </summary>
    public string Hash { get; }

    /// <summary>
    /// Where an interval series starts: the registration's publish time, the same on every node and across restarts,
    /// so every node computes the same fire times (and the same instance ids).
    /// </summary>
    public DateTimeOffset IntervalAnchor => Registration.UpdatedAt;

    /// <summary>Reads a registration of type <see cref="ScheduleTrigger.TypeName"/>.</summary>
    /// <exception cref="ScheduleSettingsException">Its settings are not a usable schedule; the message says why.</exception>
    public static ScheduleSpec Read(ActivityRegistry activities, TriggerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (!activities.TryGet(ScheduleTrigger.TypeName, out var type))
            throw new ScheduleSettingsException(registration.Id, "the Schedule activity is not registered.");
        ScheduleTrigger trigger;
        try
        {
            trigger = (ScheduleTrigger)TriggerSettings.Bind(type, registration.Settings);
        }
        catch (FormatException e)
        {
            throw new ScheduleSettingsException(registration.Id, e.Message);
        }
        // The validator ran these checks at publish time; a registration written by an older server may still fail them.
        if (trigger.CheckSettings().FirstOrDefault() is { Input: not null } problem)
            throw new ScheduleSettingsException(registration.Id, $"{problem.Input}: {problem.Message}");
        ScheduleTimes.TryFindZone(trigger.TimeZone, out var zone, out _);
        CronExpression? cron = null;
        if (trigger.Interval is null) ScheduleTimes.TryParseCron(trigger.Cron!, zone, out cron, out _);
        return new ScheduleSpec(registration, cron, trigger.Interval, zone, trigger.Misfire, trigger.Input);
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>, in UTC.</summary>
    public IReadOnlyList<DateTimeOffset> NextFireTimes(DateTimeOffset after, int count) =>
        Cron is not null
            ? ScheduleTimes.NextCronTimes(Cron, after, count)
            : ScheduleTimes.NextIntervalTimes(IntervalAnchor, Interval!.Value, after, count);

    /// <summary>The latest fire time in (<paramref name="since"/>, <paramref name="until"/>], or null when none falls in it.</summary>
    public DateTimeOffset? LastFireTimeBetween(DateTimeOffset since, DateTimeOffset until)
    {
        if (until <= since) return null;
        if (Interval is { } interval)
        {
            if (until <= IntervalAnchor) return null;
            var last = IntervalAnchor + TimeSpan.FromTicks((until - IntervalAnchor).Ticks / interval.Ticks * interval.Ticks);
            return last > since && last > IntervalAnchor ? last : null;
        }
        DateTimeOffset? found = null;
        var from = since;
        // Cron has no "previous" time; walk forward (a per-second schedule down for a day is 86,400 steps at most).
        for (var steps = 0; steps < 1_000_000 && Cron!.GetNextValidTimeAfter(from) is { } next && next <= until; steps++)
        {
            found = next;
            from = next;
        }
        return found;
    }

    /// <summary>The Quartz trigger that fires this schedule (its misfire policy applied), starting after <paramref name="now"/>.</summary>
    public ITrigger BuildQuartzTrigger(TriggerKey key, JobKey job, DateTimeOffset now)
    {
        var builder = TriggerBuilder.Create().WithIdentity(key).ForJob(job);
        if (Cron is not null)
        {
            return builder.StartAt(now)
                .WithCronSchedule(Cron.CronExpressionString, s => s.InTimeZone(Zone).WithMisfireInstruction(
                    Misfire == ScheduleMisfirePolicy.FireOnce ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing))
                .Build();
        }
        // Start at the series' next time, so every node (and every restart) builds the same fire times.
        return builder.StartAt(NextFireTimes(now, 1)[0])
            .WithSimpleSchedule(s => s.WithInterval(Interval!.Value).RepeatForever().WithMisfireInstruction(
                Misfire == ScheduleMisfirePolicy.FireOnce ? SimpleTriggerMisfireInstruction.NowWithRemainingCount : SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
    }

    private static string HashOf(TriggerRegistration registration)
    {
        var text = $"{registration.Version}\n{registration.Settings.ToJsonString()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>A Schedule trigger's stored settings are not a usable schedule.</summary>
public sealed class ScheduleSettingsException(string triggerId, string reason)
    : Exception($"Schedule '{triggerId}' cannot be scheduled: {reason}")
{
    /// <summary>The trigger.</summary>
    public string TriggerId { get; } = triggerId;
}
