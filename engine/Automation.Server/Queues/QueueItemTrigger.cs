using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Server.Queues;

/// <summary>
/// Starts the workflow once per item of a work queue: the server takes each item like a bot, starts one instance with
/// the item as its input, and settles the item by how the instance ends (see docs/queues.md).
/// </summary>
[Activity(TypeName, Category = "Triggers", IsTrigger = true, DisplayName = "Queue item",
    Description = "Starts the workflow for each item of a work queue; the item succeeds when the instance finishes and is retried as a system exception when it faults.")]
[Outcome(Outcomes.Done)]
[Output("itemId", "string", Description = "The queue item's id.")]
[Output("queue", "string", Description = "The queue's name.")]
[Output("reference", "string", Description = "The item's reference (may be empty).")]
[Output("priority", "string", Description = "high, normal or low.")]
[Output("deadline", "datetime", Description = "The item's deadline, if it has one.")]
[Output("attempt", "number", Description = "Which attempt at the item this is (1 for the first).")]
[Output("data", "object", Description = "The item's data.")]
public sealed class QueueItemTrigger : TriggerActivity
{
    /// <summary>The activity type name.</summary>
    public const string TypeName = "QueueItem";

    /// <summary>The queue to take items from.</summary>
    [Input(Description = "The name of the work queue whose items start this workflow.", Required = true)]
    public string Queue { get; set; } = "";

    /// <summary>How long to wait before looking again when the queue is empty.</summary>
    [Input(Description = "How long to wait before looking again when the queue has nothing to take (between 0.1 s and 5 minutes).")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    /// <remarks>The queue: two workflows taking one queue's items would split them at random.</remarks>
    public override string? TriggerKey => string.IsNullOrWhiteSpace(Queue) ? null : Queue.Trim();

    /// <inheritdoc />
    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        if (string.IsNullOrWhiteSpace(Queue)) yield return ("queue", "Name the work queue whose items start this workflow.");
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(5))
            yield return ("pollInterval", "The poll interval must be between 0.1 seconds and 5 minutes.");
    }
}
