using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Serialization;

namespace Automation.Storage.Sql.Rows;

/// <summary>JSON columns: written and read with <see cref="EngineJson.Options"/>.</summary>
internal static class StoredJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, EngineJson.Options);

    public static string? WriteObject(JsonObject? value) => value?.ToJsonString(EngineJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, EngineJson.Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    public static JsonObject? ReadObject(string? json) => json is null ? null : JsonNode.Parse(json)?.AsObject();
}
