using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Stops the instance as faulted with a message (not retried).</summary>
[Activity("Fail", Category = "Control flow", Description = "Stops the workflow as failed, with a message for the operator.")]
public sealed class Fail : IActivity
{
    /// <summary>Why the workflow failed.</summary>
    [Input(Description = "Why the workflow failed; shown on the incident.", Required = true, Editor = InputEditors.MultilineText)]
    public string Message { get; set; } = "";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ActivityResult.Fail(Message).AsTask();
}
