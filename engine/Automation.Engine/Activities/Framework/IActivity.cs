namespace Automation.Engine.Activities.Framework;

/// <summary>
/// A step of a workflow. A new instance is created for each execution, with its <see cref="InputAttribute"/>
/// properties bound from the definition, so implementations may keep per-execution fields.
/// </summary>
public interface IActivity
{
    /// <summary>Runs the activity and says what happens next.</summary>
    /// <remarks>
    /// Throwing faults the activity; the runtime then applies the node's retry policy. Honour
    /// <see cref="ActivityContext.CancellationToken"/>, which fires when the instance is cancelled or the node stops.
    /// </remarks>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);
}

/// <summary>An activity that waits on bookmarks and continues when one is resumed.</summary>
public interface IResumableActivity : IActivity
{
    /// <summary>Continues after <paramref name="bookmark"/> was resumed with <paramref name="payload"/>.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Model.Bookmark bookmark, System.Text.Json.Nodes.JsonNode? payload);
}

/// <summary>An activity that opens child scopes (a loop) and is told when each drains.</summary>
public interface IScopeOwner : IActivity
{
    /// <summary>Called when child scope <paramref name="scopeId"/> has no work and no bookmarks left.</summary>
    ValueTask<ActivityResult> OnScopeCompletedAsync(ActivityContext context, string scopeId);
}
