using System.Globalization;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Triggers;
using Microsoft.Extensions.Options;
using Quartz;

namespace Automation.Server.Triggers.Schedules;

/// <summary>
/// Keeps one Quartz job per Schedule trigger, in step with the registrations: creates the jobs of new schedules,
/// replaces a job only when its registration's version or settings changed (the digest kept in the job data), deletes
/// the jobs of removed schedules, and pauses or resumes them to follow <see cref="TriggerRegistration.Paused"/>.
/// </summary>
/// <remarks>
/// With the clustered store every node reconciles the same jobs. Each step is an idempotent upsert keyed by the trigger
/// id, and two guards keep a node that read the registrations a moment too early from undoing another node's work: a
/// job is replaced only by a registration at least as new as the one it was built from, and deleted only after a
/// fresh read confirms its registration is gone. A double fire is harmless anyway: the instance id comes from the
/// trigger and the scheduled time (<see cref="ScheduleFiring.InstanceIdFor"/>).
/// </remarks>
public sealed class ScheduleHost(
    ISchedulerFactory schedulers, ScheduleFiring firing, ActivityRegistry activities, ITriggerStore store, ScheduleStoreMode mode,
    TriggerChanges changes, TimeProvider clock, IOptions<TriggerOptions> options, ILogger<ScheduleHost> logger)
    : TriggerHost(store, changes, clock, options, logger)
{
    private readonly ITriggerStore _store = store;
    private readonly TimeProvider _clock = clock;
    private readonly HashSet<string> _reportedProblems = [];
    private bool _caughtUp;

    /// <inheritdoc />
    protected override string TriggerType => ScheduleTrigger.TypeName;

    /// <inheritdoc />
    protected override async Task ReconcileAsync(IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var wanted = new Dictionary<string, ScheduleSpec>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            try
            {
                wanted[registration.Id] = ScheduleSpec.Read(activities, registration);
            }
            catch (ScheduleSettingsException e)
            {
                await ReportOnceAsync(registration, e.Message, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var spec in wanted.Values) await ApplyAsync(scheduler, spec, now, cancellationToken).ConfigureAwait(false);

        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduleJob.Group), cancellationToken).ConfigureAwait(false))
        {
            if (wanted.ContainsKey(key.Name)) continue;
            // Read again: a schedule published (on any node) after the list was read is not ours to delete.
            if (registrations.All(r => r.Id != key.Name)
                && await _store.GetAsync(key.Name, cancellationToken).ConfigureAwait(false) is { Type: ScheduleTrigger.TypeName })
                continue;
            if (await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false))
                logger.LogInformation("Schedule {TriggerId} removed", key.Name);
        }

        if (!_caughtUp)
        {
            _caughtUp = true;
            if (!mode.Persistent) await CatchUpAsync(wanted.Values, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(IScheduler scheduler, ScheduleSpec spec, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var registration = spec.Registration;
        var jobKey = new JobKey(registration.Id, ScheduleJob.Group);
        var triggerKey = new TriggerKey(registration.Id, ScheduleJob.Group);
        var job = await scheduler.GetJobDetail(jobKey, cancellationToken).ConfigureAwait(false);
        if (job is null || Read(job, ScheduleJob.HashKey) != spec.Hash)
        {
            // A job built from a newer registration than ours was written by a node that read after we did: leave it.
            if (job is not null && long.TryParse(Read(job, ScheduleJob.UpdatedAtKey), CultureInfo.InvariantCulture, out var builtFrom)
                && builtFrom > registration.UpdatedAt.ToUnixTimeMilliseconds())
                return;
            await ScheduleAsync(scheduler, spec, jobKey, triggerKey, now, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Schedule {TriggerId} (version {Version}) scheduled{Paused}", registration.Id, registration.Version,
                registration.Paused ? ", paused" : "");
            return;
        }

        var state = await scheduler.GetTriggerState(triggerKey, cancellationToken).ConfigureAwait(false);
        var quartzPaused = state == TriggerState.Paused;
        if (state is TriggerState.None or TriggerState.Complete or TriggerState.Error)
        {
            await ScheduleAsync(scheduler, spec, jobKey, triggerKey, now, cancellationToken).ConfigureAwait(false);
        }
        else if (registration.Paused && !quartzPaused)
        {
            await scheduler.PauseTrigger(triggerKey, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Schedule {TriggerId} paused", registration.Id);
        }
        else if (!registration.Paused && quartzPaused)
        {
            // Rebuilt rather than resumed: Quartz would apply the misfire policy to the times that passed while paused,
            // and a paused schedule should not catch up.
            await ScheduleAsync(scheduler, spec, jobKey, triggerKey, now, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Schedule {TriggerId} resumed", registration.Id);
        }
    }

    private static async Task ScheduleAsync(IScheduler scheduler, ScheduleSpec spec, JobKey jobKey, TriggerKey triggerKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var registration = spec.Registration;
        var job = JobBuilder.Create<ScheduleJob>()
            .WithIdentity(jobKey)
            .WithDescription($"Starts workflow '{registration.DefinitionId}' (trigger {registration.Id})")
            .UsingJobData(ScheduleJob.TriggerIdKey, registration.Id)
            .UsingJobData(ScheduleJob.HashKey, spec.Hash)
            .UsingJobData(ScheduleJob.UpdatedAtKey, registration.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
            .Build();
        var trigger = spec.BuildQuartzTrigger(triggerKey, jobKey, now);
        // One store operation under Quartz's lock: two nodes doing this at once leave one job and one trigger.
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true, Paused = registration.Paused }, cancellationToken)
            .ConfigureAwait(false);
    }

    // The in-memory Quartz store forgets its triggers when the server stops, so a schedule due while it was down would
    // never fire. At start-up, each schedule whose policy is FireOnce and whose last start (its newest fired or
    // duplicate event, or its publish time) is older than its latest due time starts once for that time. The instance id
    // is the one the time would have had, so a time that did start before the crash is not started again.
    private async Task CatchUpAsync(IEnumerable<ScheduleSpec> specs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var spec in specs)
        {
            var registration = spec.Registration;
            if (registration.Paused || spec.Misfire != ScheduleMisfirePolicy.FireOnce) continue;
            var events = await _store.ListEventsAsync(registration.Id, 50, cancellationToken).ConfigureAwait(false);
            var lastStart = events.FirstOrDefault(e => e.Kind is TriggerEventKinds.Fired or TriggerEventKinds.Duplicate)?.At;
            var since = lastStart is { } last && last > registration.UpdatedAt ? last : registration.UpdatedAt;
            if (spec.LastFireTimeBetween(since, now) is not { } missed) continue;
            logger.LogInformation("Schedule {TriggerId} was due at {ScheduledAt:O} while the server was down; starting it once now", registration.Id, missed);
            try
            {
                await firing.FireScheduledAsync(registration.Id, missed, "missed while the server was down", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Schedule {TriggerId} could not start its missed run", registration.Id);
            }
        }
    }

    private async Task ReportOnceAsync(TriggerRegistration registration, string message, CancellationToken cancellationToken)
    {
        if (!_reportedProblems.Add($"{registration.Id}@{registration.UpdatedAt.ToUnixTimeMilliseconds()}")) return;
        logger.LogError("{Message}", message);
        await firing.RecordErrorAsync(registration, message, cancellationToken).ConfigureAwait(false);
    }

    private static string? Read(IJobDetail job, string key) => job.JobDataMap.TryGetValue(key, out var value) ? value as string : null;
}
