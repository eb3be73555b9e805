using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Ends its path. The instance finishes when every path has ended and nothing waits.</summary>
[Activity("End", Category = "Control flow", Description = "Ends this path. The workflow finishes when every path has ended.")]
public sealed class End : IActivity
{
    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ActivityResult.NoOutcome.AsTask();
}
