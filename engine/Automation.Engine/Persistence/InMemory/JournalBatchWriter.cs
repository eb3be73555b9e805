using System.Buffers;
using System.Text.Json;
using Automation.Engine.Model;
using Automation.Engine.Serialization;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>
/// Writes a commit's journal entries as the JSON array that <see cref="EngineJson.Options"/> reads back into
/// <see cref="JournalEntry"/> objects (camelCase names, enum names in camelCase, nulls left out).
/// </summary>
/// <remarks>
/// The reflection serializer keeps a stack of frames for each nested object and spent about half its time pushing and
/// popping them; a flat writer over a per-thread buffer does the same work with a few direct calls per field. The
/// instance id is not written: the store knows it and sets it when reading.
/// </remarks>
internal static class JournalBatchWriter
{
    private static readonly JsonEncodedText Sequence = JsonEncodedText.Encode("sequence");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText ActivityId = JsonEncodedText.Encode("activityId");
    private static readonly JsonEncodedText ActivityType = JsonEncodedText.Encode("activityType");
    private static readonly JsonEncodedText ScopeId = JsonEncodedText.Encode("scopeId");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText DurationMs = JsonEncodedText.Encode("durationMs");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    private static readonly JsonEncodedText[] KindNames = Enum.GetValues<JournalEventKind>()
        .Select(k => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(k.ToString())))
        .ToArray();

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? perThread;

    /// <summary>The UTF-8 JSON array of <paramref name="entries"/>, in the order given.</summary>
    public static byte[] Write(IReadOnlyList<JournalEntry> entries)
    {
        var (buffer, writer) = perThread ??= CreateWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var e in entries)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Sequence, e.Sequence);
            writer.WriteString(Timestamp, e.Timestamp);
            if ((uint)e.Kind < (uint)KindNames.Length)
            {
                writer.WriteString(Kind, KindNames[(int)e.Kind]);
            }
            else
            {
                writer.WriteNumber(Kind, (int)e.Kind); // a kind newer than this list: the reader takes numbers too
            }

            WriteIfSet(writer, ActivityId, e.ActivityId);
            WriteIfSet(writer, ActivityType, e.ActivityType);
            WriteIfSet(writer, ScopeId, e.ScopeId);
            WriteIfSet(writer, Outcome, e.Outcome);
            if (e.DurationMs is { } duration)
            {
                writer.WriteNumber(DurationMs, duration);
            }

            WriteIfSet(writer, Message, e.Message);
            if (e.Data is { } data)
            {
                writer.WritePropertyName(Data);
                data.WriteTo(writer, EngineJson.Options);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EngineJson.Options.Encoder, SkipValidation = true }));
    }

    private static void WriteIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
