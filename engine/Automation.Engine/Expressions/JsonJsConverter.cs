using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;

namespace Automation.Engine.Expressions;

/// <summary>Converts between System.Text.Json nodes and Jint values, without going through strings.</summary>
internal static class JsonJsConverter
{
    public static JsValue ToJs(JsEngine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                var target = new JsObject(engine);
                foreach (var (name, value) in obj) target.Set(name, ToJs(engine, value));
                return target;
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = ToJs(engine, array[i]);
                return new JsArray(engine, items);
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.True => JsBoolean.True,
                    JsonValueKind.False => JsBoolean.False,
                    JsonValueKind.Number => new JsNumber(Serialization.JsonNumbers.ToDouble(value)),
                    JsonValueKind.String => new JsString(value.GetValue<string>()),
                    _ => JsValue.Null,
                };
            default:
                return JsValue.Undefined;
        }
    }

    public static JsonNode? ToJson(JsValue value, int depth = 0)
    {
        if (depth > 64) throw new ExpressionException("The value is nested more than 64 levels deep.");
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            if (double.IsNaN(d) || double.IsInfinity(d)) return null;
            return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }
        if (value.IsString()) return JsonValue.Create(value.AsString());
        if (value.IsDate()) return JsonValue.Create(value.AsDate().ToDateTime().ToString("O"));
        if (value.IsArray())
        {
            var array = value.AsArray();
            var result = new JsonArray();
            var length = (uint)array.Length;
            for (uint i = 0; i < length; i++) result.Add(ToJson(array.Get(i), depth + 1));
            return result;
        }
        if (value is Function) return null;
        if (value.IsObject())
        {
            var obj = value.AsObject();
            var result = new JsonObject();
            foreach (var key in obj.GetOwnPropertyKeys(Jint.Runtime.Types.String))
            {
                var descriptor = obj.GetOwnProperty(key);
                if (!descriptor.Enumerable) continue;
                var item = obj.Get(key);
                if (item is Function) continue;
                result[key.AsString()] = ToJson(item, depth + 1);
            }
            return result;
        }
        return JsonValue.Create(value.ToString());
    }

    /// <summary>Writes back the properties of a JS object into a JSON object (Script's <c>variables</c>).</summary>
    public static JsonObject ToJsonObject(ObjectInstance obj) => ToJson(obj) as JsonObject ?? [];
}
