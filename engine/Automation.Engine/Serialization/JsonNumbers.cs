using System.Globalization;
using System.Text.Json.Nodes;

namespace Automation.Engine.Serialization;

/// <summary>
/// Reads JSON numbers whatever CLR value backs them. A parsed document holds a JsonElement, which converts to any
/// numeric type; values built in code (<c>JsonValue.Create(42)</c>, a loop's index, an expression's result, start input
/// built by a caller) hold an int, long or double, and <c>GetValue&lt;double&gt;</c> throws on an int.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>The number as a double.</summary>
    public static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The number as a decimal when it fits, else as a double.</summary>
    public static object ToDecimalOrDouble(JsonValue value) =>
        value.TryGetValue<decimal>(out var m) ? m
        : decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out m) ? m
        : ToDouble(value);
}
