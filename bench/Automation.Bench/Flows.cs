using System.Text.Json.Nodes;
using Automation.Engine.Model;

namespace Automation.Bench;

/// <summary>The workflow definitions the scenarios run. All inputs are literals, so no JavaScript or Liquid is measured.</summary>
internal static class Flows
{
    public const string LinearId = "bench-linear";
    public const string ForEachId = "bench-foreach";
    public const string SignalId = "bench-signal";
    public const string SignalName = "bench-go";

    /// <summary>(a) Start, 8 activities alternating SetVariable and Log, End: 10 activities in a line.</summary>
    public static WorkflowDefinition Linear(string id = LinearId, string note = "")
    {
        var def = new WorkflowDefinition { Id = id, Name = "Bench linear" + note };
        for (var i = 1; i <= 4; i++) def.Variables.Add(new VariableDefinition { Name = $"v{i}", Type = ValueTypes.Any });
        def.Activities.Add(Node("start", "Start"));
        var previous = "start";
        for (var i = 1; i <= 8; i++)
        {
            var id2 = $"step{i}";
            def.Activities.Add(i % 2 == 1
                ? Node(id2, "SetVariable", ("variable", $"v{(i + 1) / 2}"), ("value", new JsonObject { ["n"] = i, ["text"] = "value " + i }))
                : Node(id2, "Log", ("message", $"step {i} done{note}")));
            def.Connections.Add(new Connection { Source = previous, Target = id2 });
            previous = id2;
        }
        def.Activities.Add(Node("end", "End"));
        def.Connections.Add(new Connection { Source = previous, Target = "end" });
        return def;
    }

    /// <summary>(b) Start, ForEach over 100 literal items whose body is one SetVariable, End.</summary>
    public static WorkflowDefinition ForEach()
    {
        var items = new JsonArray();
        for (var i = 0; i < 100; i++) items.Add(i);
        var def = new WorkflowDefinition { Id = ForEachId, Name = "Bench foreach" };
        def.Variables.Add(new VariableDefinition { Name = "last", Type = ValueTypes.Any });
        def.Activities.Add(Node("start", "Start"));
        def.Activities.Add(Node("loop", "ForEach", ("items", items)));
        def.Activities.Add(Node("body", "SetVariable", ("variable", "last"), ("value", "done")));
        def.Activities.Add(Node("end", "End"));
        def.Connections.Add(new Connection { Source = "start", Target = "loop" });
        def.Connections.Add(new Connection { Source = "loop", Outcome = "Body", Target = "body" });
        def.Connections.Add(new Connection { Source = "loop", Outcome = Outcomes.Done, Target = "end" });
        return def;
    }

    /// <summary>(c) Start, SetVariable, WaitForSignal, Log, End: one suspension and one resume.</summary>
    public static WorkflowDefinition Signal()
    {
        var def = new WorkflowDefinition { Id = SignalId, Name = "Bench signal" };
        def.Variables.Add(new VariableDefinition { Name = "state", Type = ValueTypes.Any });
        def.Activities.Add(Node("start", "Start"));
        def.Activities.Add(Node("set", "SetVariable", ("variable", "state"), ("value", "waiting")));
        def.Activities.Add(Node("wait", "WaitForSignal", ("signal", SignalName)));
        def.Activities.Add(Node("log", "Log", ("message", "resumed")));
        def.Activities.Add(Node("end", "End"));
        def.Connections.Add(new Connection { Source = "start", Target = "set" });
        def.Connections.Add(new Connection { Source = "set", Target = "wait" });
        def.Connections.Add(new Connection { Source = "wait", Target = "log" });
        def.Connections.Add(new Connection { Source = "log", Target = "end" });
        return def;
    }

    private static ActivityNode Node(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var node = new ActivityNode { Id = id, Type = type };
        foreach (var (name, value) in inputs) node.Inputs[name] = value;
        return node;
    }
}
