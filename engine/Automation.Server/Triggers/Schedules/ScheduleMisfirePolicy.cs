namespace Automation.Server.Triggers.Schedules;

/// <summary>What a schedule does about fire times it missed (the server was down, or too busy to start on time).</summary>
public enum ScheduleMisfirePolicy
{
    /// <summary>Start the workflow once, as soon as possible, for all the missed times together; then keep to the schedule.</summary>
    FireOnce,

    /// <summary>Start nothing for the missed times; wait for the next scheduled time.</summary>
    Skip,
}
