using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Documents;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Automation.Server.Triggers.Hooks;

/// <summary>
/// Turns a hook request into the workflow's input: a JSON object's fields as they are, other JSON as <c>body</c>, form
/// fields as fields (repeated ones as arrays), uploaded files saved as documents, text as <c>body</c>; then the request's
/// <c>headers</c> and <c>query</c> beside them (a body field of the same name wins).
/// </summary>
public sealed class HookRequestReader(IDocumentStore documents)
{
    // Headers that carry credentials never reach the workflow (nor, through it, the journal).
    private static readonly HashSet<string> HiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        Auth.ApiKeys.HeaderName, "Authorization", "Proxy-Authorization", "Cookie",
    };

    /// <summary>Reads the request's body, headers and query into an input object.</summary>
    /// <param name="request">The request; its body is not read (the caller passes the bytes it already read).</param>
    /// <param name="body">The raw body.</param>
    /// <param name="hook">The hook's settings (its secret header is left out of <c>headers</c>).</param>
    /// <param name="instanceId">The instance the request will start; uploaded files are stored as its documents.</param>
    /// <param name="cancellationToken">Cancels reading and storing.</param>
    /// <exception cref="JsonException">The body is declared JSON but is malformed; the exception says where.</exception>
    /// <exception cref="HookBodyException">The body's type is not supported, or the form cannot be read.</exception>
    public async Task<JsonObject> ReadAsync(HttpRequest request, byte[] body, HttpEndpoint hook, string instanceId, CancellationToken cancellationToken)
    {
        var input = body.Length == 0 ? new JsonObject() : await ReadBodyAsync(request, body, instanceId, cancellationToken);
        if (!input.ContainsKey("headers")) input["headers"] = Headers(request, hook.SecretHeader);
        if (!input.ContainsKey("query")) input["query"] = Values(request.Query.Select(q => (q.Key, q.Value)));
        return input;
    }

    private async Task<JsonObject> ReadBodyAsync(HttpRequest request, byte[] body, string instanceId, CancellationToken cancellationToken)
    {
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type);
        var media = type?.MediaType.Value?.ToLowerInvariant() ?? "";
        if (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal)) return ReadJson(body);
        if (media is "application/x-www-form-urlencoded" or "multipart/form-data") return await ReadFormAsync(request, body, instanceId, cancellationToken);
        if (media.StartsWith("text/", StringComparison.Ordinal) || media is "application/xml")
            return new JsonObject { ["body"] = Encoding.UTF8.GetString(body) };
        throw new HookBodyException(StatusCodes.Status415UnsupportedMediaType,
            media.Length == 0
                ? "Say what the body is with a Content-Type header: application/json, a form, or text."
                : $"A hook takes JSON, a form (application/x-www-form-urlencoded or multipart/form-data) or text, not {media}.");
    }

    private static JsonObject ReadJson(byte[] body)
    {
        var node = JsonNode.Parse(body);
        if (node is not JsonObject json) return new JsonObject { ["body"] = node };
        try
        {
            // Copying forces every property now, so a duplicate name is found here rather than later in the workflow.
            return new JsonObject(json.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"The JSON object has a property twice: {ex.Message}", ex);
        }
    }

    private async Task<JsonObject> ReadFormAsync(HttpRequest request, byte[] body, string instanceId, CancellationToken cancellationToken)
    {
        IFormCollection form;
        request.Body = new MemoryStream(body, writable: false);
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            throw new HookBodyException(StatusCodes.Status400BadRequest, $"The form body cannot be read: {ex.Message}");
        }
        var input = Values(form.Select(f => (f.Key, f.Value)));
        var number = 0;
        foreach (var group in form.Files.GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            var saved = new JsonArray();
            foreach (var file in group)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                var name = Path.GetFileName(file.FileName);
                var document = await documents.SaveAsync(name.Length == 0 ? group.Key : name,
                    string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType,
                    content.ToArray(), instanceId, $"{instanceId}-{++number}", cancellationToken);
                saved.Add(new JsonObject
                {
                    ["documentId"] = document.Id, ["name"] = document.Name, ["contentType"] = document.ContentType, ["size"] = document.Size,
                });
            }
            input[group.Key] = saved.Count == 1 ? saved[0]!.DeepClone() : saved;
        }
        return input;
    }

    private static JsonObject Headers(HttpRequest request, string? secretHeader)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers)
        {
            if (HiddenHeaders.Contains(name) || (secretHeader is not null && name.Equals(secretHeader, StringComparison.OrdinalIgnoreCase))) continue;
            headers[name.ToLowerInvariant()] = value.ToString();
        }
        return headers;
    }

    private static JsonObject Values(IEnumerable<(string Key, StringValues Value)> pairs)
    {
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
            result[key] = value.Count == 1 ? JsonValue.Create(value[0]) : new JsonArray(value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return result;
    }
}

/// <summary>A hook request's body cannot be used; <see cref="Status"/> is the answer (400 or 415).</summary>
public sealed class HookBodyException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; } = status;
}
