using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>
/// Runs the activities on its Body port once per item, each iteration in its own scope with the item and index as
/// variables; sequentially, or several at once up to a degree of parallelism. Continues on Done when all are finished.
/// </summary>
[Activity("ForEach", Category = "Loops", DisplayName = "For each", IsLoop = true,
    Description = "Repeats the steps on the Body path for each item of a list, one after another or several at once.")]
[Outcome(Body)]
[Outcome(Model.Outcomes.Done)]
[Output("count", "number", Description = "How many items were processed.")]
public sealed class ForEach : IScopeOwner
{
    /// <summary>Port whose activities form the loop body.</summary>
    public const string Body = "Body";

    /// <summary>The list to go through.</summary>
    [Input(Description = "The list to go through, usually an expression such as input.invoices.", Required = true)]
    public JsonArray Items { get; set; } = [];

    /// <summary>One at a time, or in parallel.</summary>
    [Input(Description = "One item at a time, or several at once.")]
    public LoopMode Mode { get; set; } = LoopMode.Sequential;

    /// <summary>At most this many iterations at once in parallel mode.</summary>
    [Input(Description = "In parallel mode, how many items at most are handled at once.")]
    public int DegreeOfParallelism { get; set; } = 4;

    /// <summary>The variable name of the current item.</summary>
    [Input(Description = "Name of the variable holding the current item.")]
    public string ItemVariable { get; set; } = "item";

    /// <summary>The variable name of the current index (from 0).</summary>
    [Input(Description = "Name of the variable holding the current position (from 0).")]
    public string IndexVariable { get; set; } = "index";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Items.Count == 0)
        {
            context.SetOutput("count", 0);
            return ActivityResult.Done.AsTask();
        }
        var state = context.State;
        state["items"] = Items;
        state["next"] = 0;
        state["completed"] = 0;
        var width = Mode == LoopMode.Parallel ? Math.Clamp(DegreeOfParallelism, 1, Items.Count) : 1;
        for (var i = 0; i < width; i++) OpenNext(context, state);
        return ActivityResult.Wait.AsTask();
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> OnScopeCompletedAsync(ActivityContext context, string scopeId)
    {
        var state = context.State;
        var items = (JsonArray)state["items"]!;
        var completed = state["completed"]!.GetValue<int>() + 1;
        state["completed"] = completed;
        if (completed >= items.Count)
        {
            context.ClearState();
            context.SetOutput("count", items.Count);
            return ActivityResult.Done.AsTask();
        }
        if (state["next"]!.GetValue<int>() < items.Count) OpenNext(context, state);
        return ActivityResult.Wait.AsTask();
    }

    private void OpenNext(ActivityContext context, JsonObject state)
    {
        var items = (JsonArray)state["items"]!;
        var index = state["next"]!.GetValue<int>();
        state["next"] = index + 1;
        context.OpenScope(Body, new JsonObject
        {
            [ItemVariable] = items[index]?.DeepClone(),
            [IndexVariable] = index,
        });
    }
}

/// <summary>How a ForEach goes through its items.</summary>
public enum LoopMode
{
    /// <summary>One item after another.</summary>
    Sequential,
    /// <summary>Several items at once.</summary>
    Parallel,
}
