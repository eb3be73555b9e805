using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.Triggers;

/// <summary>
/// Base of the trigger activities. When the instance starts, the trigger's event is the workflow's input; the activity
/// passes it on as its output, so later steps read it as <c>input</c> or <c>activities.&lt;id&gt;.output</c>.
/// Subclasses declare <c>[Outcome(Outcomes.Done)]</c> (outcome attributes are not inherited).
/// </summary>
public abstract class TriggerActivity : ITriggerActivity
{
    /// <inheritdoc />
    public virtual string? TriggerKey => null;

    /// <inheritdoc />
    public virtual IEnumerable<(string Input, string Message)> CheckSettings() => [];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetOutput(context.WorkflowInput.DeepClone());
        return ActivityResult.Done.AsTask();
    }
}
