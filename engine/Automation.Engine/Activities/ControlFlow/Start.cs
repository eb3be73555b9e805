using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Where the flow begins. Every workflow has exactly one.</summary>
[Activity("Start", Category = "Control flow", Description = "Where the workflow begins.")]
[Outcome(Outcomes.Done)]
public sealed class Start : IActivity
{
    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ActivityResult.Done.AsTask();
}
