using System.Text.Json.Nodes;

namespace Automation.Engine.Expressions;

/// <summary>
/// The names an expression can read: <c>input</c>, <c>variables</c>, <c>activities.&lt;id&gt;.output</c> and
/// <c>instance</c>. Built lazily, because most expressions read one or two of them.
/// </summary>
public sealed class ExpressionScope
{
    private readonly Func<JsonObject> _variables;
    private readonly Func<JsonObject> _activities;
    private JsonObject? _variablesValue;
    private JsonObject? _activitiesValue;

    /// <summary>Creates a scope.</summary>
    /// <param name="input">The workflow input.</param>
    /// <param name="variables">Builds the variables visible here (inner scopes shadow outer ones).</param>
    /// <param name="activities">Builds <c>{ id: { output } }</c> for the activities visible here.</param>
    /// <param name="instance">Facts about the instance (id, definitionId, correlationId).</param>
    public ExpressionScope(JsonObject input, Func<JsonObject> variables, Func<JsonObject> activities, JsonObject? instance = null)
    {
        Input = input;
        _variables = variables;
        _activities = activities;
        Instance = instance ?? [];
    }

    /// <summary>A scope with only these values (for tests and validation previews).</summary>
    public static ExpressionScope Of(JsonObject? input = null, JsonObject? variables = null, JsonObject? activities = null) =>
        new(input ?? [], () => variables ?? [], () => activities ?? []);

    public JsonObject Input { get; }
    public JsonObject Variables => _variablesValue ??= _variables();
    public JsonObject Activities => _activitiesValue ??= _activities();
    public JsonObject Instance { get; }
}
