using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Targets;

/// <summary>
/// What a browser activity acts on, with alternatives tried in order so a moved, relabelled or restyled field still
/// resolves. Written in a definition as a CSS selector string, or as an object such as
/// <c>{ "label": "Invoice number", "fallbacks": [{ "css": "#invNo" }, { "placeholder": "Invoice no" }] }</c>.
/// Within one object the kinds are tried as role (with <c>name</c>), label, placeholder, testId, text, css; then each
/// fallback in turn. Labels, names and placeholders match whole by default; text matches a part unless <c>exact</c>.
/// </summary>
public sealed class Target
{
    private Target(IReadOnlyList<TargetAlternative> alternatives) => Alternatives = alternatives;

    /// <summary>Every alternative, in the order they are tried.</summary>
    public IReadOnlyList<TargetAlternative> Alternatives { get; }

    /// <summary>Reads a target from an activity input.</summary>
    /// <exception cref="FormatException">The value is empty, not a string or object, names an unknown role or has a key that is not a way of finding an element.</exception>
    public static Target Parse(JsonNode? node, string inputName = "target")
    {
        var alternatives = new List<TargetAlternative>();
        Collect(node, inputName, alternatives, allowFallbacks: true);
        if (alternatives.Count == 0)
            throw new FormatException($"Input '{inputName}' says nothing to find: give a CSS selector, or an object with role, label, placeholder, testId, text or css.");
        return new Target(alternatives);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" or ", Alternatives);

    private static void Collect(JsonNode? node, string inputName, List<TargetAlternative> into, bool allowFallbacks)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var css) && !string.IsNullOrWhiteSpace(css):
                into.Add(new TargetAlternative(TargetKinds.Css, css, null, false));
                return;
            case JsonObject obj:
                foreach (var (key, _) in obj)
                    if (!TargetKinds.Order.Contains(key) && key is not ("name" or "exact" or "fallbacks"))
                        throw new FormatException($"Input '{inputName}': '{key}' is not a way of finding an element; use role (with name), label, placeholder, testId, text, css, exact or fallbacks.");
                bool? exact = obj["exact"] is JsonValue e && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? e.GetValue<bool>() : null;
                var name = Text(obj, "name", inputName);
                foreach (var kind in TargetKinds.Order)
                {
                    if (Text(obj, kind, inputName) is not { } text) continue;
                    if (kind == TargetKinds.Role && !Enum.TryParse<AriaRole>(text, ignoreCase: true, out _))
                        throw new FormatException($"Input '{inputName}': '{text}' is not an ARIA role (for example button, link, textbox, combobox, checkbox).");
                    into.Add(new TargetAlternative(kind, text, kind == TargetKinds.Role ? name : null, exact ?? kind != TargetKinds.Text));
                }
                if (obj["fallbacks"] is { } fallbacks)
                {
                    if (!allowFallbacks)
                        throw new FormatException($"Input '{inputName}': a fallback cannot have fallbacks of its own; list them all in the first 'fallbacks'.");
                    if (fallbacks is not JsonArray list)
                        throw new FormatException($"Input '{inputName}': 'fallbacks' must be a list of targets.");
                    foreach (var fallback in list) Collect(fallback, inputName, into, allowFallbacks: false);
                }
                return;
            case null:
                return;
            default:
                throw new FormatException($"Input '{inputName}': expected a CSS selector or an object such as {{\"label\": \"Invoice number\"}}, not {node.ToJsonString()}.");
        }
    }

    private static string? Text(JsonObject obj, string key, string inputName) => obj[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
        var other => throw new FormatException($"Input '{inputName}': '{key}' must be text, not {other.ToJsonString()}."),
    };
}
