using System.Text.Json.Nodes;
using Automation.Engine.Expressions;
using Automation.Engine.Model;

namespace Automation.Engine.Runtime;

// Scopes, variables and the names expressions see.
internal sealed partial class InstanceRun
{
    public ScopeState Root => Instance.State.Scopes[ScopeState.RootId];

    public long NextId() => Instance.State.NextId++;

    public string NewGuidId() => Guid.CreateVersion7().ToString("N");

    public ScopeState Scope(string scopeId) =>
        Instance.State.Scopes.TryGetValue(scopeId, out var scope) ? scope
            : throw new InvalidOperationException($"Scope '{scopeId}' no longer exists in instance '{Instance.Id}'.");

    /// <summary>The scope chain from <paramref name="scopeId"/> up to the root.</summary>
    private IEnumerable<ScopeState> Chain(string scopeId)
    {
        for (var scope = Instance.State.Scopes.GetValueOrDefault(scopeId); scope is not null;
             scope = scope.ParentId is null ? null : Instance.State.Scopes.GetValueOrDefault(scope.ParentId))
            yield return scope;
    }

    public JsonNode? GetVariable(string scopeId, string name)
    {
        foreach (var scope in Chain(scopeId))
            if (scope.Variables.TryGetPropertyValue(name, out var value)) return value;
        return null;
    }

    public void SetVariable(string scopeId, string name, JsonNode? value)
    {
        var target = Chain(scopeId).FirstOrDefault(s => s.Variables.ContainsKey(name)) ?? Root;
        target.Variables[name] = value?.Parent is null ? value : value.DeepClone();
    }

    public JsonObject GetActivityState(string scopeId, string activityId)
    {
        var scope = Scope(scopeId);
        if (!scope.ActivityStates.TryGetValue(activityId, out var state))
            scope.ActivityStates[activityId] = state = [];
        return state;
    }

    public void ClearActivityState(string scopeId, string activityId) =>
        Instance.State.Scopes.GetValueOrDefault(scopeId)?.ActivityStates.Remove(activityId);

    public ExpressionScope CreateExpressionScope(string scopeId) => new(
        Instance.Input,
        () => MergedVariables(scopeId),
        () => MergedOutputs(scopeId),
        new JsonObject { ["id"] = Instance.Id, ["definitionId"] = Instance.DefinitionId, ["correlationId"] = Instance.CorrelationId });

    private JsonObject MergedVariables(string scopeId)
    {
        var result = new JsonObject();
        foreach (var scope in Chain(scopeId).Reverse())
            foreach (var (name, value) in scope.Variables)
                result[name] = value?.DeepClone();
        return result;
    }

    private JsonObject MergedOutputs(string scopeId)
    {
        var result = new JsonObject();
        foreach (var scope in Chain(scopeId).Reverse())
            foreach (var (id, output) in scope.Outputs)
                result[id] = new JsonObject { ["output"] = output?.DeepClone() };
        return result;
    }

    /// <summary>Creates the root scope with the workflow's variables at their defaults.</summary>
    public static ScopeState CreateRoot(WorkflowDefinition definition)
    {
        var root = new ScopeState { Id = ScopeState.RootId };
        foreach (var variable in definition.Variables)
            root.Variables[variable.Name] = variable.Default?.DeepClone();
        return root;
    }
}
