using System.Collections.Frozen;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Model;

namespace Automation.Engine.Runtime;

/// <summary>A definition version prepared for execution: nodes bound to activity types, edges indexed, literals converted once.</summary>
internal sealed class CompiledWorkflow
{
    private static readonly string[] NoTargets = [];
    // Keyed by (source, outcome) as a tuple: a joined string key cost an allocation on every completed step.
    private readonly FrozenDictionary<(string Source, string Outcome), string[]> _targets;
    private readonly FrozenDictionary<string, string[]> _inbound;
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public CompiledWorkflow(DefinitionVersion version, ActivityRegistry registry)
    {
        Version = version;
        var definition = version.Definition;
        Nodes = definition.Activities.ToFrozenDictionary(a => a.Id, a => new CompiledNode(a, registry), StringComparer.Ordinal);
        _targets = definition.Connections
            .GroupBy(c => (c.Source, c.Outcome))
            .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Target).ToArray());
        _inbound = definition.Connections
            .GroupBy(c => c.Target)
            .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Source).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        StartId = definition.Activities.FirstOrDefault(a => Validation.WorkflowValidator.IsEntry(a, Nodes[a.Id].Type))?.Id
            ?? definition.Activities.FirstOrDefault(a => !_inbound.ContainsKey(a.Id))?.Id
            ?? throw new WorkflowValidationException([new("no-start", "The workflow has no Start activity.", Field: "activities")]);
        SecretVariables = definition.Variables.Where(v => v.Secret).Select(v => v.Name).ToFrozenSet(StringComparer.Ordinal);
        SecretInputs = definition.Inputs.Where(v => v.Secret).Select(v => v.Name).ToFrozenSet(StringComparer.Ordinal);
    }

    public DefinitionVersion Version { get; }
    public WorkflowDefinition Definition => Version.Definition;
    public FrozenDictionary<string, CompiledNode> Nodes { get; }
    public string StartId { get; }
    public FrozenSet<string> SecretVariables { get; }
    public FrozenSet<string> SecretInputs { get; }

    /// <summary>The activities connected to <paramref name="outcome"/> of <paramref name="source"/>.</summary>
    public string[] Targets(string source, string outcome) =>
        _targets.TryGetValue((source, outcome), out var targets) ? targets : NoTargets;

    /// <summary>Distinct activities with a connection into <paramref name="target"/>.</summary>
    public string[] InboundSources(string target) => _inbound.TryGetValue(target, out var s) ? s : NoTargets;

    /// <summary>Activities from which <paramref name="target"/> can be reached (not counting itself).</summary>
    public IReadOnlySet<string> Ancestors(string target)
    {
        lock (_ancestors)
        {
            if (_ancestors.TryGetValue(target, out var known)) return known;
            var result = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(InboundSources(target));
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (id == target || !result.Add(id)) continue;
                foreach (var s in InboundSources(id)) stack.Push(s);
            }
            _ancestors[target] = result;
            return result;
        }
    }
}

/// <summary>A node with its activity type and its inputs ready to bind.</summary>
internal sealed class CompiledNode
{
    public CompiledNode(ActivityNode node, ActivityRegistry registry)
    {
        Node = node;
        if (!registry.TryGet(node.Type, out var type))
        {
            Error = $"Activity type '{node.Type}' is not installed on this server.";
            Bindings = [];
            return;
        }
        Type = type;
        Bindings = type.Inputs.Select(p => new InputBinding(p, node.Inputs.TryGetValue(p.Name, out var raw) ? raw : null, node.Inputs.ContainsKey(p.Name))).ToArray();
    }

    public ActivityNode Node { get; }
    public ActivityType? Type { get; }
    /// <summary>Why the node cannot run, when its type is unknown.</summary>
    public string? Error { get; }
    public InputBinding[] Bindings { get; }
}

/// <summary>One input of one node: where its value comes from, and the converted literal when it can be reused.</summary>
internal sealed class InputBinding
{
    public InputBinding(InputProperty property, System.Text.Json.Nodes.JsonNode? raw, bool present)
    {
        Property = property;
        Present = present;
        Value = property.Attribute.EvaluatedByActivity && raw is System.Text.Json.Nodes.JsonValue
            ? new InputValue.JavaScript(InputConverter.ToText(raw))
            : InputValue.Parse(raw);
        var t = property.Property.PropertyType;
        var immutable = t.IsValueType || t == typeof(string);
        if (present && immutable && Value is InputValue.Literal literal && !property.Attribute.EvaluatedByActivity)
        {
            try { CachedLiteral = property.Convert(literal.Value); HasCachedLiteral = true; }
            catch (FormatException) { /* reported when the node runs */ }
        }
    }

    public InputProperty Property { get; }
    public bool Present { get; }
    public InputValue Value { get; }
    public bool HasCachedLiteral { get; }
    public object? CachedLiteral { get; }
}
