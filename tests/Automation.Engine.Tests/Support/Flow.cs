using System.Text.Json.Nodes;
using Automation.Engine.Model;

namespace Automation.Engine.Tests.Support;

/// <summary>
/// Builds a <see cref="WorkflowDefinition"/> in C#, so each test declares the small flowchart it runs next to its
/// assertions. Inputs are copied, so one <see cref="JsonObject"/> may be reused across activities.
/// </summary>
public sealed class Flow
{
    private readonly WorkflowDefinition _definition;

    private Flow(string id, string? name) =>
        _definition = new WorkflowDefinition { Id = id, Name = name ?? id };

    /// <summary>A new flow with this id (and name, the id when omitted).</summary>
    public static Flow Create(string id, string? name = null) => new(id, name);

    /// <summary>Declares a workflow input.</summary>
    public Flow Input(string name, string type = ValueTypes.Any, bool required = false, JsonNode? @default = null)
    {
        _definition.Inputs.Add(new WorkflowParameter { Name = name, Type = type, Required = required, Default = @default?.DeepClone() });
        return this;
    }

    /// <summary>Declares a workflow output (read from the variable of the same name, which this also declares).</summary>
    public Flow Output(string name, string type = ValueTypes.Any)
    {
        _definition.Outputs.Add(new WorkflowParameter { Name = name, Type = type });
        if (_definition.Variables.All(v => v.Name != name)) Variable(name, type: type);
        return this;
    }

    /// <summary>Declares a variable.</summary>
    public Flow Variable(string name, JsonNode? @default = null, string type = ValueTypes.Any, bool secret = false)
    {
        _definition.Variables.Add(new VariableDefinition { Name = name, Type = type, Default = @default?.DeepClone(), Secret = secret });
        return this;
    }

    /// <summary>Adds an activity.</summary>
    public Flow Activity(string id, string type, JsonObject? inputs = null, RetryPolicy? retry = null)
    {
        var node = new ActivityNode { Id = id, Type = type, Retry = retry };
        foreach (var (name, value) in inputs ?? []) node.Inputs[name] = value?.DeepClone();
        _definition.Activities.Add(node);
        return this;
    }

    /// <summary>Adds the Start activity.</summary>
    public Flow Start(string id = "start") => Activity(id, "Start");

    /// <summary>Adds an End activity.</summary>
    public Flow End(string id = "end") => Activity(id, "End");

    /// <summary>Adds a Log activity with a literal or expression message.</summary>
    public Flow Log(string id, JsonNode message) => Activity(id, "Log", new JsonObject { ["message"] = message.DeepClone() });

    /// <summary>Adds a SetVariable activity.</summary>
    public Flow Set(string id, string variable, JsonNode? value) =>
        Activity(id, "SetVariable", new JsonObject { ["variable"] = variable, ["value"] = value?.DeepClone() });

    /// <summary>Connects <paramref name="outcome"/> of <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Flow Connect(string from, string to, string outcome = Outcomes.Done)
    {
        _definition.Connections.Add(new Connection { Source = from, Outcome = outcome, Target = to });
        return this;
    }

    /// <summary>Connects each activity's Done port to the next one.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++) Connect(ids[i - 1], ids[i]);
        return this;
    }

    /// <summary>The definition.</summary>
    public WorkflowDefinition Build() => _definition;
}

/// <summary>Expression objects as written in definitions.</summary>
public static class Expr
{
    /// <summary><c>{"$js": code}</c>.</summary>
    public static JsonObject Js(string code) => new() { ["$js"] = code };

    /// <summary><c>{"$liquid": template}</c>.</summary>
    public static JsonObject Liquid(string template) => new() { ["$liquid"] = template };
}
