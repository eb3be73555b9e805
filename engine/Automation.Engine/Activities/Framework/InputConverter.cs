using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Automation.Engine.Serialization;

namespace Automation.Engine.Activities.Framework;

/// <summary>Converts JSON values (literals or expression results) to the CLR types of activity inputs.</summary>
public static class InputConverter
{
    /// <summary>Converts <paramref name="node"/> to <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">The value does not fit the type; the message names the input.</exception>
    public static object? Convert(JsonNode? node, Type type, string inputName)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is null)
            return type.IsValueType && underlying is null ? Activator.CreateInstance(type) : null;
        var t = underlying ?? type;
        try
        {
            if (t == typeof(JsonNode)) return node.DeepClone();
            if (t == typeof(JsonObject)) return node as JsonObject is { } o ? o.DeepClone() : throw Mismatch(node, "an object", inputName);
            if (t == typeof(JsonArray)) return node as JsonArray is { } a ? a.DeepClone() : throw Mismatch(node, "an array", inputName);
            if (t == typeof(string)) return ToText(node);
            if (t == typeof(bool)) return ToBoolean(node);
            if (t == typeof(TimeSpan)) return ToTimeSpan(node, inputName);
            if (t.IsEnum && node is JsonValue v && v.TryGetValue<string>(out var name))
                return Enum.TryParse(t, name, ignoreCase: true, out var e) ? e
                    : throw new FormatException($"Input '{inputName}': '{name}' is not one of {string.Join(", ", Enum.GetNames(t))}.");
            if (t == typeof(string[]) && node is JsonValue single) return new[] { ToText(single) };
            return node.Deserialize(type, EngineJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"Input '{inputName}': {Describe(node)} cannot be used as {Friendly(t)}.", ex);
        }
    }

    /// <summary>Text form of a value: strings as they are, other values as JSON.</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => v.ToJsonString(),
        _ => node.ToJsonString(EngineJson.Options),
    };

    /// <summary>JavaScript-like truthiness of a value.</summary>
    public static bool ToBoolean(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => JsonNumbers.ToDouble(v) is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => v.GetValue<string>() is var s && s.Length > 0 && !s.Equals("false", StringComparison.OrdinalIgnoreCase),
            _ => false,
        },
        _ => true,
    };

    private static TimeSpan ToTimeSpan(JsonNode node, string inputName)
    {
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number) return TimeSpan.FromSeconds(JsonNumbers.ToDouble(v));
            if (v.TryGetValue<string>(out var s))
            {
                if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var ts)) return ts;
                try { return XmlConvert.ToTimeSpan(s); } catch (FormatException) { }
            }
        }
        throw new FormatException($"Input '{inputName}': {Describe(node)} is not a duration (use \"hh:mm:ss\", \"d.hh:mm:ss\" or ISO 8601 such as \"PT5M\").");
    }

    private static FormatException Mismatch(JsonNode node, string expected, string inputName) =>
        new($"Input '{inputName}': expected {expected} but got {Describe(node)}.");

    private static string Describe(JsonNode node)
    {
        var json = node.ToJsonString();
        return json.Length > 60 ? json[..57] + "..." : json;
    }

    private static string Friendly(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal) ? "a number"
        : t == typeof(DateTimeOffset) ? "a date and time"
        : t.IsArray || typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? "a list"
        : "a " + t.Name;
}
