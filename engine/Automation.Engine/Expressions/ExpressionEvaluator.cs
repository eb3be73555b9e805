using System.Text.Json.Nodes;

namespace Automation.Engine.Expressions;

/// <summary>Turns an <see cref="InputValue"/> into a value: literals as they are, JavaScript evaluated, Liquid rendered.</summary>
public sealed class ExpressionEvaluator(JavaScriptEvaluator javaScript, LiquidRenderer liquid)
{
    /// <summary>The JavaScript evaluator (Script activities run through it).</summary>
    public JavaScriptEvaluator JavaScript { get; } = javaScript;

    /// <summary>The Liquid renderer.</summary>
    public LiquidRenderer Liquid { get; } = liquid;

    /// <summary>An evaluator with default limits.</summary>
    public static ExpressionEvaluator CreateDefault(ScriptingOptions? options = null) =>
        new(new JavaScriptEvaluator(options ?? new ScriptingOptions()), new LiquidRenderer());

    /// <summary>The value of <paramref name="value"/> in <paramref name="scope"/>. Literals are returned as they are (not copied).</summary>
    /// <exception cref="ExpressionException">The expression failed.</exception>
    public JsonNode? Evaluate(InputValue value, ExpressionScope scope) => value switch
    {
        InputValue.Literal literal => literal.Value,
        InputValue.JavaScript js => JavaScript.Evaluate(js.Code, scope),
        InputValue.Liquid lq => JsonValue.Create(Liquid.Render(lq.Template, scope)),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
