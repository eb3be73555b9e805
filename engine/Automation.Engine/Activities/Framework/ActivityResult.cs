namespace Automation.Engine.Activities.Framework;

/// <summary>What an activity asks the runtime to do after it ran.</summary>
public abstract record ActivityResult
{
    private static readonly Completed DoneResult = new([Model.Outcomes.Done]);
    private static readonly Completed NoOutcomeResult = new([]);
    private static readonly Waiting WaitingResult = new();

    /// <summary>Completed with the <c>Done</c> outcome.</summary>
    public static ActivityResult Done => DoneResult;

    /// <summary>Completed and follow no connection (End).</summary>
    public static ActivityResult NoOutcome => NoOutcomeResult;

    /// <summary>Completed; follow the connections of each of these outcome ports.</summary>
    public static ActivityResult Outcome(params string[] outcomes) => new Completed(outcomes);

    /// <summary>Not finished: waiting on bookmarks or child scopes it created through the context.</summary>
    public static ActivityResult Wait => WaitingResult;

    /// <summary>Failed for a reason no retry will fix; the instance faults at once.</summary>
    public static ActivityResult Fail(string message) => new Failed(message);

    /// <summary>The activity completed.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>The activity waits.</summary>
    public sealed record Waiting : ActivityResult;

    /// <summary>The activity failed permanently.</summary>
    public sealed record Failed(string Message) : ActivityResult;

    /// <summary>This result as a completed ValueTask.</summary>
    public ValueTask<ActivityResult> AsTask() => ValueTask.FromResult(this);
}
