using System.Security.Cryptography;
using System.Text;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Triggers;

namespace Automation.Server.Triggers.Schedules;

/// <summary>
/// Starts a schedule's workflow through <see cref="TriggerStarter"/>: for a scheduled time (from the Quartz job or the
/// start-up catch-up) with an instance id derived from the trigger and that time, so a time fired twice (two nodes,
/// a retry after a crash) starts one instance; or at once when an operator asks.
/// </summary>
public sealed class ScheduleFiring(ITriggerStore store, TriggerStarter starter, ActivityRegistry activities, TimeProvider clock,
    ILogger<ScheduleFiring> logger)
{
    /// <summary>
    /// Starts the workflow of trigger <paramref name="triggerId"/> for its fire time <paramref name="scheduledAt"/>, reading
    /// the registration afresh so a pause or removal made on any node is seen at once.
    /// </summary>
    /// <returns>What the start did; null when the trigger is gone, paused or no longer a schedule (nothing is started).</returns>
    /// <exception cref="Exception">The start failed (it is recorded as the trigger's error event first).</exception>
    public async Task<TriggerFiring?> FireScheduledAsync(string triggerId, DateTimeOffset scheduledAt, string why, CancellationToken cancellationToken)
    {
        var registration = await store.GetAsync(triggerId, cancellationToken).ConfigureAwait(false);
        if (registration is null || registration.Type != ScheduleTrigger.TypeName)
        {
            logger.LogInformation("Schedule {TriggerId} fired for {ScheduledAt:O} but is no longer registered; nothing started", triggerId, scheduledAt);
            return null;
        }
        if (registration.Paused)
        {
            logger.LogDebug("Schedule {TriggerId} is paused; {ScheduledAt:O} starts nothing", triggerId, scheduledAt);
            return null;
        }
        var spec = ScheduleSpec.Read(activities, registration);
        var input = ScheduleEvent.Build(spec.Input, triggerId, scheduledAt, clock.GetUtcNow(), manual: false);
        try
        {
            return await starter.FireAsync(registration, input, InstanceIdFor(triggerId, scheduledAt),
                $"{why} for {ScheduleTimes.InZone(scheduledAt, spec.Zone):yyyy-MM-dd HH:mm:ss zzz}", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (TriggerPausedException)
        {
            return null;
        }
    }

    /// <summary>Starts the schedule's workflow once, now, as an operator asked (a new instance every time).</summary>
    /// <exception cref="TriggerPausedException">The trigger is paused.</exception>
    /// <exception cref="ScheduleSettingsException">Its stored settings are not a usable schedule.</exception>
    /// <exception cref="Exception">The start failed (recorded as the trigger's error event first).</exception>
    public Task<TriggerFiring> RunNowAsync(TriggerRegistration registration, string? user, CancellationToken cancellationToken)
    {
        var spec = ScheduleSpec.Read(activities, registration);
        var now = clock.GetUtcNow();
        var input = ScheduleEvent.Build(spec.Input, registration.Id, now, now, manual: true);
        return starter.FireAsync(registration, input, instanceId: null, user is null ? "run now" : $"run now by {user}", cancellationToken: cancellationToken);
    }

    /// <summary>Records an error event on the schedule (a problem that is not one firing's, such as unusable settings).</summary>
    public Task RecordErrorAsync(TriggerRegistration registration, string message, CancellationToken cancellationToken) =>
        starter.RecordAsync(registration, TriggerEventKinds.Error, message, cancellationToken: cancellationToken);

    /// <summary>
    /// The instance id for trigger <paramref name="triggerId"/>'s fire time <paramref name="scheduledAt"/>: the same on
    /// every node and after a restart, so the time starts one instance however often it is fired.
    /// </summary>
    public static string InstanceIdFor(string triggerId, DateTimeOffset scheduledAt)
    {
        var utc = scheduledAt.ToUniversalTime();
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{triggerId}\n{utc.ToUnixTimeMilliseconds()}")));
        return $"sched-{digest[..20]}-{utc:yyyyMMddTHHmmssfff}Z";
    }
}
