using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>
/// Merges parallel branches. WaitAll continues once every incoming branch has arrived (or can no longer arrive, as
/// after a decision); WaitAny continues with the first and cancels the other branches' pending work.
/// </summary>
[Activity("Join", Category = "Control flow",
    Description = "Waits for parallel branches: all of them, or the first one (the others are then cancelled).")]
[Outcome(Outcomes.Done)]
public sealed class Join : IActivity
{
    /// <summary>Wait for all branches or for any.</summary>
    [Input(Description = "Wait for every incoming branch, or continue with the first to arrive.")]
    public JoinMode Mode { get; set; } = JoinMode.WaitAll;

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var state = context.State;
        if (state["fired"]?.GetValue<bool>() == true) return ActivityResult.NoOutcome.AsTask(); // late arrival after WaitAny
        if (Mode == JoinMode.WaitAny)
        {
            state["fired"] = true;
            context.CancelUpstreamBranches();
            return ActivityResult.Done.AsTask();
        }
        var arrived = state["arrived"] as JsonArray ?? [];
        state["arrived"] = arrived;
        if (context.From is { } from && !arrived.Any(a => a!.GetValue<string>() == from)) arrived.Add(from);
        if (context.IsForced || context.InboundSources.All(s => arrived.Any(a => a!.GetValue<string>() == s)))
        {
            context.ClearState();
            return ActivityResult.Done.AsTask();
        }
        state["waiting"] = true;
        return ActivityResult.Wait.AsTask();
    }
}

/// <summary>How a Join waits.</summary>
public enum JoinMode
{
    /// <summary>Every incoming branch.</summary>
    WaitAll,
    /// <summary>The first incoming branch.</summary>
    WaitAny,
}
