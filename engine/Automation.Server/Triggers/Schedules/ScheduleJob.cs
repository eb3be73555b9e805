using Quartz;

namespace Automation.Server.Triggers.Schedules;

/// <summary>
/// The Quartz job behind every schedule: one per Schedule trigger, its job data only ids and a digest (strings, so the
/// clustered store holds nothing that needs a serializer). Each firing starts the trigger's workflow for the scheduled
/// fire time through <see cref="ScheduleFiring"/>.
/// </summary>
public sealed class ScheduleJob(ScheduleFiring firing, ILogger<ScheduleJob> logger) : IJob
{
    /// <summary>The Quartz group schedule jobs and their triggers are kept in.</summary>
    public const string Group = "schedules";

    /// <summary>Job data key: the trigger id.</summary>
    public const string TriggerIdKey = "triggerId";

    /// <summary>Job data key: <see cref="ScheduleSpec.Hash"/> of the registration the job was built from.</summary>
    public const string HashKey = "hash";

    /// <summary>Job data key: the registration's <c>UpdatedAt</c> (Unix milliseconds) the job was built from.</summary>
    public const string UpdatedAtKey = "updatedAt";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var triggerId = context.MergedJobDataMap.TryGetValue(TriggerIdKey, out var id) && id is string text ? text : context.JobDetail.Key.Name;
        var scheduledAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await firing.FireScheduledAsync(triggerId, scheduledAt, "schedule due", cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Already recorded as the trigger's error event (or a settings problem the host reports); the next fire time
            // is unaffected, and Quartz's refire flags are not the way to retry a workflow start.
            logger.LogError(e, "Schedule {TriggerId} could not start its workflow for {ScheduledAt:O}", triggerId, scheduledAt);
        }
    }
}
