using System.Text.Json.Nodes;

namespace Automation.Engine.Expressions;

/// <summary>
/// An activity input as written in a definition: a JSON literal, or an expression object
/// <c>{"$js": "..."}</c> or <c>{"$liquid": "..."}</c>.
/// </summary>
public abstract record InputValue
{
    /// <summary>The property that marks a JavaScript expression.</summary>
    public const string JavaScriptKey = "$js";

    /// <summary>The property that marks a Liquid template.</summary>
    public const string LiquidKey = "$liquid";

    /// <summary>A constant value.</summary>
    public sealed record Literal(JsonNode? Value) : InputValue;

    /// <summary>JavaScript evaluated against the instance (its completion value is the input's value).</summary>
    public sealed record JavaScript(string Code) : InputValue;

    /// <summary>A Liquid template rendered to text.</summary>
    public sealed record Liquid(string Template) : InputValue;

    /// <summary>Reads an input as written in a definition.</summary>
    public static InputValue Parse(JsonNode? node)
    {
        if (node is JsonObject { Count: 1 } obj)
        {
            if (obj.TryGetPropertyValue(JavaScriptKey, out var js) && js is JsonValue jsv && jsv.TryGetValue<string>(out var code))
                return new JavaScript(code);
            if (obj.TryGetPropertyValue(LiquidKey, out var lq) && lq is JsonValue lqv && lqv.TryGetValue<string>(out var template))
                return new Liquid(template);
        }
        return new Literal(node);
    }
}
