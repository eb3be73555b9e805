using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.Timers;

/// <summary>Waits for a duration or until a time, on a durable timer that survives restarts.</summary>
[Activity("Delay", Category = "Timers", Description = "Waits for a while, or until a given time; the wait survives a server restart.")]
[Outcome(Outcomes.Done)]
public sealed class Delay : IResumableActivity
{
    /// <summary>How long to wait.</summary>
    [Input(Description = "How long to wait, e.g. 00:05:00 for five minutes or 2.00:00:00 for two days.")]
    public TimeSpan? Duration { get; set; }

    /// <summary>When to continue (used instead of a duration).</summary>
    [Input(Description = "Continue at this date and time instead (ISO 8601).")]
    public DateTimeOffset? Until { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var due = Until ?? context.Now + (Duration ?? throw new InvalidOperationException("Delay needs a 'duration' or an 'until'."));
        if (due <= context.Now) return ActivityResult.Done.AsTask();
        context.CreateBookmark(BookmarkKinds.Timer, dueAt: due);
        return ActivityResult.Wait.AsTask();
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload) => ActivityResult.Done.AsTask();
}
