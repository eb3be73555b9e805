using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Automation.Engine.Serialization;

/// <summary>The one set of JSON options for definitions, state and API payloads: camelCase, enums as strings.</summary>
public static class EngineJson
{
    /// <summary>Options for reading and writing engine types.</summary>
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    /// <summary>Options for files people read (exported definitions, samples).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>Applies the engine's conventions to <paramref name="options"/> (used by the server's HTTP JSON options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: true));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
