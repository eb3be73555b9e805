using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.Primitives;

/// <summary>Sets a workflow variable (or a loop variable in the current iteration).</summary>
[Activity("SetVariable", Category = "Data", DisplayName = "Set variable", Description = "Stores a value in a variable.")]
[Outcome(Outcomes.Done)]
public sealed class SetVariable : IActivity
{
    /// <summary>The variable's name.</summary>
    [Input(Description = "The variable to set.", Required = true)]
    public string Variable { get; set; } = "";

    /// <summary>The value.</summary>
    [Input(Description = "The value: a literal, or an expression.", Required = true)]
    public JsonNode? Value { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(Variable, Value);
        return ActivityResult.Done.AsTask();
    }
}
