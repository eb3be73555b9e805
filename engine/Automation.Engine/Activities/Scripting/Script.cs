using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.Scripting;

/// <summary>
/// Runs JavaScript in a sandbox (time, memory and recursion limits; no access to .NET or the machine). The value of the
/// last statement is the output; assignments to <c>variables</c> are kept.
/// </summary>
[Activity("Script", Category = "Data", Description = "Runs a short JavaScript; its last value is the output and changes to variables are kept.")]
[Outcome(Outcomes.Done)]
public sealed class Script : IActivity
{
    /// <summary>The JavaScript source.</summary>
    [Input(Description = "JavaScript with input, variables and activities in scope. The last statement's value is the output.",
        Required = true, EvaluatedByActivity = true, Editor = InputEditors.Code)]
    public string Code { get; set; } = "";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var scope = context.ExpressionScope;
        var before = scope.Variables.DeepClone().AsObject();
        var result = context.Expressions.JavaScript.RunScript(Code, scope, context.CancellationToken);
        foreach (var (name, value) in result.Variables)
            if (!before.TryGetPropertyValue(name, out var old) || !System.Text.Json.Nodes.JsonNode.DeepEquals(old, value))
                context.SetVariable(name, value?.DeepClone());
        context.SetOutput(result.Output);
        return ActivityResult.Done.AsTask();
    }
}
