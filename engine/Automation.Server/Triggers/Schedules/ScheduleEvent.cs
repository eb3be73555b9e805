using System.Text.Json.Nodes;

namespace Automation.Server.Triggers.Schedules;

/// <summary>The input a schedule gives the instance it starts: the schedule's own input plus when and why it fired.</summary>
public static class ScheduleEvent
{
    /// <summary>Field: the time the schedule was due (UTC, ISO 8601).</summary>
    public const string ScheduledAt = "scheduledAt";

    /// <summary>Field: the time the instance was started (UTC, ISO 8601).</summary>
    public const string FiredAt = "firedAt";

    /// <summary>Field: true when an operator ran the schedule now.</summary>
    public const string Manual = "manual";

    /// <summary>Field: the schedule's trigger id.</summary>
    public const string TriggerId = "triggerId";

    /// <summary>
    /// The schedule's <paramref name="input"/> (copied) with the four fields above set; they replace input fields of
    /// the same names.
    /// </summary>
    public static JsonObject Build(JsonObject? input, string triggerId, DateTimeOffset scheduledAt, DateTimeOffset firedAt, bool manual)
    {
        var result = input?.DeepClone().AsObject() ?? [];
        result[ScheduledAt] = scheduledAt.ToUniversalTime();
        result[FiredAt] = firedAt.ToUniversalTime();
        result[Manual] = manual;
        result[TriggerId] = triggerId;
        return result;
    }
}
