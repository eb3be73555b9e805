using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Model;

namespace Automation.Engine.Validation;

/// <summary>
/// Checks a definition and reports every problem at once, each naming the activity and field: unknown types, missing
/// or unknown inputs, values of the wrong type, expressions that do not parse, dangling or unknown connections,
/// unreachable activities and cycles.
/// </summary>
public sealed partial class WorkflowValidator(ActivityRegistry registry)
{
    /// <summary>Validates <paramref name="definition"/>; an empty list means it can be published.</summary>
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        CheckHeader(definition, errors);
        var nodes = CheckActivities(definition, errors);
        CheckConnections(definition, nodes, errors);
        CheckGraph(definition, nodes, errors);
        return errors;
    }

    private static void CheckHeader(WorkflowDefinition definition, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
            errors.Add(new("missing-id", "The workflow needs an id.", Field: "id"));
        else if (!IdPattern().IsMatch(definition.Id))
            errors.Add(new("invalid-id", $"'{definition.Id}' is not a valid id: use letters, digits, '.', '-' and '_' (up to 100, starting with a letter or digit).", Field: "id"));
        if (string.IsNullOrWhiteSpace(definition.Name))
            errors.Add(new("missing-name", "The workflow needs a name.", Field: "name"));
        CheckNames(definition.Inputs.Select(p => (p.Name, p.Type)), "inputs", errors);
        CheckNames(definition.Outputs.Select(p => (p.Name, p.Type)), "outputs", errors);
        CheckNames(definition.Variables.Select(v => (v.Name, v.Type)), "variables", errors);
    }

    private static void CheckNames(IEnumerable<(string Name, string Type)> items, string field, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (name, type) in items)
        {
            if (string.IsNullOrWhiteSpace(name) || !NamePattern().IsMatch(name))
                errors.Add(new("invalid-name", $"'{name}' is not a valid name: start with a letter or '_', then letters, digits or '_'.", Field: $"{field}[{index}].name"));
            else if (!seen.Add(name))
                errors.Add(new("duplicate-name", $"'{name}' is declared twice.", Field: $"{field}[{index}].name"));
            if (!ValueTypes.All.Contains(type))
                errors.Add(new("invalid-type", $"'{type}' is not a type; use one of {string.Join(", ", ValueTypes.All)}.", Field: $"{field}[{index}].type"));
            index++;
        }
    }

    private Dictionary<string, (ActivityNode Node, ActivityType? Type)> CheckActivities(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var nodes = new Dictionary<string, (ActivityNode, ActivityType?)>(StringComparer.Ordinal);
        if (definition.Activities.Count == 0)
            errors.Add(new("no-activities", "The workflow has no activities.", Field: "activities"));
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new("missing-activity-id", "An activity has no id.", Field: $"activities[{i}].id"));
                continue;
            }
            if (nodes.ContainsKey(node.Id))
            {
                errors.Add(new("duplicate-activity-id", $"Two activities have the id '{node.Id}'.", node.Id, "id"));
                continue;
            }
            if (!registry.TryGet(node.Type, out var type))
            {
                errors.Add(new("unknown-type", $"'{node.Type}' is not a known activity type.", node.Id, "type"));
                nodes[node.Id] = (node, null);
                continue;
            }
            nodes[node.Id] = (node, type);
            CheckInputs(node, type, errors);
            if (type.Descriptor.IsTrigger) CheckTrigger(node, type, errors);
            if (node.Retry is { } retry)
            {
                if (retry.MaxAttempts < 1) errors.Add(new("invalid-retry", "Retry 'maxAttempts' must be at least 1.", node.Id, "retry.maxAttempts"));
                if (retry.Jitter is < 0 or > 1) errors.Add(new("invalid-retry", "Retry 'jitter' must be between 0 and 1.", node.Id, "retry.jitter"));
                if (retry.BackoffMultiplier < 1) errors.Add(new("invalid-retry", "Retry 'backoffMultiplier' must be at least 1.", node.Id, "retry.backoffMultiplier"));
            }
        }
        return nodes;
    }

    private static void CheckInputs(ActivityNode node, ActivityType type, List<ValidationError> errors)
    {
        foreach (var name in node.Inputs.Keys.Where(k => type.Inputs.All(p => p.Name != k)))
            errors.Add(new("unknown-input", $"'{type.Descriptor.Type}' has no input '{name}'.", node.Id, $"inputs.{name}"));
        foreach (var property in type.Inputs)
        {
            var field = $"inputs.{property.Name}";
            node.Inputs.TryGetValue(property.Name, out var raw);
            if (raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            {
                if (property.Attribute.Required)
                    errors.Add(new("missing-input", $"'{property.Name}' is required.", node.Id, field));
                continue;
            }
            var value = property.Attribute.EvaluatedByActivity && raw is JsonValue
                ? new InputValue.JavaScript(InputConverter.ToText(raw))
                : InputValue.Parse(raw);
            switch (value)
            {
                case InputValue.JavaScript js when JavaScriptEvaluator.CheckSyntax(js.Code) is { } jsError:
                    errors.Add(new("expression-syntax", $"The JavaScript does not parse: {jsError}", node.Id, field));
                    break;
                case InputValue.Liquid lq when LiquidRenderer.CheckSyntax(lq.Template) is { } lqError:
                    errors.Add(new("template-syntax", $"The Liquid template does not parse: {lqError}", node.Id, field));
                    break;
                case InputValue.Literal literal:
                    try
                    {
                        var converted = property.Convert(literal.Value);
                        if (converted is IEnumerable<Activities.ControlFlow.SwitchCase> cases) CheckCases(node, field, cases, errors);
                    }
                    catch (FormatException ex)
                    {
                        errors.Add(new("invalid-input", ex.Message, node.Id, field));
                    }
                    break;
            }
        }
    }

    // A trigger's settings are read when the workflow is published, before any instance exists to evaluate against.
    private static void CheckTrigger(ActivityNode node, ActivityType type, List<ValidationError> errors)
    {
        foreach (var (name, raw) in node.Inputs)
        {
            if (raw is not null && InputValue.Parse(raw) is not InputValue.Literal)
                errors.Add(new("trigger-setting-expression",
                    $"A trigger's settings are read when the workflow is published, so '{name}' must be a value, not an expression.", node.Id, $"inputs.{name}"));
        }
        // Settings with an error of their own (an expression, a wrong type) cannot be bound for the trigger's checks.
        if (errors.Any(e => e.ActivityId == node.Id)) return;
        try
        {
            foreach (var (input, message) in Activities.Triggers.TriggerSettings.Bind(type, Activities.Triggers.TriggerSettings.Read(node, type)).CheckSettings())
                errors.Add(new("invalid-trigger-setting", message, node.Id, $"inputs.{input}"));
        }
        catch (FormatException ex)
        {
            errors.Add(new("invalid-input", ex.Message, node.Id, "inputs"));
        }
    }

    private static void CheckCases(ActivityNode node, string field, IEnumerable<Activities.ControlFlow.SwitchCase> cases, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var @case in cases)
        {
            if (string.IsNullOrWhiteSpace(@case.Name)) errors.Add(new("missing-input", "Each case needs a name.", node.Id, $"{field}[{i}].name"));
            else if (!names.Add(@case.Name)) errors.Add(new("duplicate-name", $"Case '{@case.Name}' appears twice.", node.Id, $"{field}[{i}].name"));
            if (string.IsNullOrWhiteSpace(@case.Condition)) errors.Add(new("missing-input", "Each case needs a condition.", node.Id, $"{field}[{i}].condition"));
            else if (JavaScriptEvaluator.CheckSyntax(@case.Condition) is { } error)
                errors.Add(new("expression-syntax", $"The JavaScript does not parse: {error}", node.Id, $"{field}[{i}].condition"));
            i++;
        }
    }

    private static void CheckConnections(WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, ActivityType? Type)> nodes, List<ValidationError> errors)
    {
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var sourceKnown = nodes.TryGetValue(connection.Source, out var source);
            if (!sourceKnown)
                errors.Add(new("dangling-connection", $"Connection {i + 1} starts at '{connection.Source}', which is not an activity.", Field: $"connections[{i}].from"));
            if (!nodes.ContainsKey(connection.Target))
                errors.Add(new("dangling-connection", $"Connection {i + 1} goes to '{connection.Target}', which is not an activity.",
                    sourceKnown ? connection.Source : null, $"connections[{i}].to"));
            if (sourceKnown && source.Type is { } type && Ports(source.Node, type) is { } ports && !ports.Contains(connection.Outcome))
                errors.Add(new("unknown-outcome",
                    ports.Count == 0 ? $"'{source.Node.Type}' has no outcome ports, so nothing can follow it."
                        : $"'{source.Node.Type}' has no outcome '{connection.Outcome}'; its outcomes are {string.Join(", ", ports)}.",
                    connection.Source, $"connections[{i}].outcome"));
        }
    }

    /// <summary>The ports of a node, or null when they come from an expression and cannot be known before it runs.</summary>
    public static IReadOnlySet<string>? Ports(ActivityNode node, ActivityType type)
    {
        var ports = new HashSet<string>(type.Descriptor.Outcomes, StringComparer.Ordinal);
        if (type.Descriptor.DynamicOutcomesInput is not { } input) return ports;
        if (!node.Inputs.TryGetValue(input, out var raw) || raw is null)
        {
            var defaults = type.Descriptor.Inputs.FirstOrDefault(i => i.Name == input)?.Default as JsonArray;
            foreach (var d in defaults ?? []) ports.Add(PortName(d));
            return ports;
        }
        if (InputValue.Parse(raw) is not InputValue.Literal { Value: JsonArray list }) return null;
        foreach (var item in list) ports.Add(PortName(item));
        return ports;
    }

    private static string PortName(JsonNode? item) => item switch
    {
        JsonObject o => o["name"]?.ToString() ?? "",
        _ => InputConverter.ToText(item),
    };

    private static void CheckGraph(WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, ActivityType? Type)> nodes, List<ValidationError> errors)
    {
        // A trigger takes Start's place: the flow begins at exactly one of them.
        var starts = nodes.Values.Where(n => IsEntry(n.Node, n.Type)).Select(n => n.Node.Id).ToList();
        if (starts.Count == 0 && nodes.Count > 0)
            errors.Add(new("no-start", "The workflow needs one Start activity, or one trigger in its place.", Field: "activities"));
        foreach (var extra in starts.Skip(1))
            errors.Add(new("multiple-starts", "The workflow has more than one Start activity or trigger; it can begin at only one.", extra, "type"));
        var edges = definition.Connections.Where(c => nodes.ContainsKey(c.Source) && nodes.ContainsKey(c.Target))
            .GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (starts.Count > 0)
        {
            foreach (var inbound in definition.Connections.Where(c => starts.Contains(c.Target)))
                errors.Add(new("start-has-inbound", $"Nothing may lead back into where the workflow begins (from '{inbound.Source}').", inbound.Target, "connections"));
            // Extra entries are already reported as such; what they lead to is not also "unreachable".
            var reached = new HashSet<string>(starts, StringComparer.Ordinal);
            var queue = new Queue<string>(starts);
            while (queue.Count > 0)
                foreach (var c in edges.GetValueOrDefault(queue.Dequeue()) ?? [])
                    if (reached.Add(c.Target)) queue.Enqueue(c.Target);
            foreach (var id in nodes.Keys.Where(id => !reached.Contains(id)))
                errors.Add(new("unreachable", "No path from Start reaches this activity; connect it or remove it.", id, "connections"));
        }
        // Depth-first search for back edges: each closes a cycle.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in nodes.Keys) Visit(id);

        void Visit(string id)
        {
            var stack = new Stack<(string Id, int Next)>();
            if (state.GetValueOrDefault(id) != 0) return;
            state[id] = 1;
            stack.Push((id, 0));
            while (stack.Count > 0)
            {
                var (current, next) = stack.Pop();
                var outgoing = edges.GetValueOrDefault(current) ?? [];
                if (next >= outgoing.Count) { state[current] = 2; continue; }
                stack.Push((current, next + 1));
                var target = outgoing[next].Target;
                switch (state.GetValueOrDefault(target))
                {
                    case 0:
                        state[target] = 1;
                        stack.Push((target, 0));
                        break;
                    case 1:
                        errors.Add(new("cycle",
                            $"The connection from '{current}' ({outgoing[next].Outcome}) back to '{target}' makes a cycle; to repeat steps, put them on the Body of a While or ForEach loop.",
                            current, "connections"));
                        break;
                }
            }
        }
    }

    /// <summary>True for the activity a flow begins at: Start, or a trigger in its place.</summary>
    public static bool IsEntry(ActivityNode node, ActivityType? type) =>
        node.Type == "Start" || type?.Descriptor.IsTrigger == true;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
