using System.Text.Json.Nodes;

namespace Automation.Engine.Runtime;

/// <summary>Replaces secret values with <see cref="Mask"/> wherever they appear in journal data and messages.</summary>
public static class SecretMasker
{
    /// <summary>What a secret value is shown as.</summary>
    public const string Mask = "***";

    /// <summary>Masks every occurrence of any of <paramref name="secrets"/> in <paramref name="node"/> (in place).</summary>
    public static JsonNode? Apply(JsonNode? node, IReadOnlyCollection<string> secrets)
    {
        if (node is null || secrets.Count == 0) return node;
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                    obj[key] = Apply(obj[key], secrets);
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = Apply(array[i], secrets);
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                var masked = Apply(text, secrets);
                return ReferenceEquals(masked, text) ? value : JsonValue.Create(masked);
            default:
                return node;
        }
    }

    /// <summary>Masks every occurrence of any of <paramref name="secrets"/> in <paramref name="text"/>.</summary>
    public static string Apply(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
