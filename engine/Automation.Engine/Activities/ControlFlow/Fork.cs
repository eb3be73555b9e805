using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Starts several branches in parallel, one per named port.</summary>
[Activity("Fork", Category = "Control flow", DynamicOutcomesInput = "branches",
    Description = "Starts several branches at once; join them again with a Join.")]
public sealed class Fork : IActivity
{
    /// <summary>Names of the branches (outcome ports).</summary>
    [Input(Description = "The names of the branches; each is an outcome port.")]
    public string[] Branches { get; set; } = ["A", "B"];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ActivityResult.Outcome(Branches).AsTask();
}
