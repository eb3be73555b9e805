using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.ControlFlow;

/// <summary>Routes the flow down the port of the first (or every) case whose condition holds, else Default.</summary>
[Activity("Switch", Category = "Control flow", DynamicOutcomesInput = "cases",
    Description = "Goes down the path of the first case whose condition holds (or of every such case), otherwise Default.")]
[Outcome(Default)]
public sealed class Switch : IActivity
{
    /// <summary>Port taken when no case matches.</summary>
    public const string Default = "Default";

    /// <summary>Named cases; each condition is JavaScript evaluated in order.</summary>
    [Input(Description = "Named cases, each with a JavaScript condition; each case is an outcome port.", Required = true, Editor = InputEditors.Cases)]
    public List<SwitchCase> Cases { get; set; } = [];

    /// <summary>Whether to take only the first matching case or all of them.</summary>
    [Input(Description = "Take the first matching case, or every matching case in parallel.")]
    public SwitchMode Mode { get; set; } = SwitchMode.FirstMatch;

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matched = new List<string>();
        foreach (var @case in Cases)
        {
            if (!InputConverter.ToBoolean(context.EvaluateJavaScript(@case.Condition))) continue;
            matched.Add(@case.Name);
            if (Mode == SwitchMode.FirstMatch) break;
        }
        return ActivityResult.Outcome(matched.Count == 0 ? [Default] : [.. matched]).AsTask();
    }
}

/// <summary>One case of a Switch.</summary>
public sealed class SwitchCase
{
    /// <summary>The outcome port name.</summary>
    public string Name { get; set; } = "";

    /// <summary>JavaScript condition.</summary>
    public string Condition { get; set; } = "";
}

/// <summary>How many cases a Switch takes.</summary>
public enum SwitchMode
{
    /// <summary>Only the first case whose condition holds.</summary>
    FirstMatch,
    /// <summary>Every case whose condition holds, in parallel.</summary>
    AllMatches,
}
