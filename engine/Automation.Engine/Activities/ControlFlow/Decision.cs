using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Routes the flow down True or False.</summary>
[Activity("Decision", Category = "Control flow", Description = "Goes down the True or the False path depending on a condition.")]
[Outcome(True)]
[Outcome(False)]
public sealed class Decision : IActivity
{
    /// <summary>Port taken when the condition holds.</summary>
    public const string True = "True";

    /// <summary>Port taken otherwise.</summary>
    public const string False = "False";

    /// <summary>The condition, usually an expression such as <c>input.amount &gt; 500</c>.</summary>
    [Input(Description = "A yes/no condition, usually an expression such as input.amount > 500.", Required = true)]
    public bool Condition { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ActivityResult.Outcome(Condition ? True : False).AsTask();
}
