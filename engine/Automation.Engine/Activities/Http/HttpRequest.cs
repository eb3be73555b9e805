using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Credentials;
using Automation.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Activities.Http;

/// <summary>Calls an HTTP endpoint and returns its status, headers and body (parsed when JSON).</summary>
[Activity("HttpRequest", Category = "Integration", DisplayName = "HTTP request",
    Description = "Calls a web service and gives back the response's status, headers and body.")]
[Outcome(Outcomes.Done)]
[Output("status", "number", Description = "HTTP status code.")]
[Output("headers", "object", Description = "Response headers.")]
[Output("body", "any", Description = "Response body: parsed JSON when the response is JSON, else text.")]
public sealed class HttpRequest : IActivity
{
    /// <summary>HTTP method.</summary>
    [Input(Description = "The HTTP method.", Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"])]
    public string Method { get; set; } = "GET";

    /// <summary>Absolute URL.</summary>
    [Input(Description = "The address to call (http or https).", Required = true)]
    public string Url { get; set; } = "";

    /// <summary>Request headers.</summary>
    [Input(Description = "Request headers as an object, e.g. {\"Accept\": \"application/json\"}.")]
    public JsonObject? Headers { get; set; }

    /// <summary>Body: objects and arrays are sent as JSON, text as text.</summary>
    [Input(Description = "The body: objects are sent as JSON, text as plain text.")]
    public JsonNode? Body { get; set; }

    /// <summary>Time limit for the whole call.</summary>
    [Input(Description = "How long to wait for the response.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A stored credential to sign the request with (user name and password: Basic; API key: a header).</summary>
    [Input(Description = "Sign in with a stored credential: a user name and password is sent as Basic authentication, an API key in its header (Authorization: Bearer when none is named).",
        Editor = InputEditors.Credential)]
    public string? Credential { get; set; }

    /// <summary>Whether a 4xx/5xx response faults the activity (so its retry policy applies).</summary>
    [Input(Description = "Treat a 4xx or 5xx response as a failure (so the retry policy applies).")]
    public bool FailOnErrorStatus { get; set; } = true;

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return ActivityResult.Fail($"'{Url}' is not an absolute http or https address.");
        using var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), uri);
        if (Body is not null)
            request.Content = Body is JsonValue v && v.TryGetValue<string>(out var text)
                ? new StringContent(text, Encoding.UTF8, "text/plain")
                : new StringContent(Body.ToJsonString(), Encoding.UTF8, "application/json");
        foreach (var (name, value) in Headers ?? [])
        {
            var headerValue = InputConverter.ToText(value);
            if (!request.Headers.TryAddWithoutValidation(name, headerValue))
                request.Content?.Headers.TryAddWithoutValidation(name, headerValue);
        }
        if (!string.IsNullOrWhiteSpace(Credential) && await SignAsync(request, Credential, context).ConfigureAwait(false) is { } refusal)
            return refusal;
        var client = context.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpRequest));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(Timeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Method} {Url} did not answer within {Timeout.TotalSeconds:0.#} s.");
        }
        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var headers = new JsonObject();
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                headers[header.Key] = string.Join(", ", header.Value);
            context.SetOutput("status", (int)response.StatusCode);
            context.SetOutput("headers", headers);
            context.SetOutput("body", ParseBody(content, response.Content.Headers.ContentType));
            if (FailOnErrorStatus && (int)response.StatusCode >= 400)
                throw new HttpRequestException($"{Method} {Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return ActivityResult.Done;
        }
    }

    /// <summary>Adds the credential's authentication to <paramref name="request"/>; a failure result when it cannot be used.</summary>
    private static async Task<ActivityResult?> SignAsync(HttpRequestMessage request, string name, ActivityContext context)
    {
        var vault = context.Services.GetService<CredentialVault>();
        if (vault is null) return ActivityResult.Fail($"Credential '{name}' cannot be used: this host keeps no credentials.");
        UnlockedCredential credential;
        try
        {
            credential = await vault.UnlockAsync(name, context.CancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            return ActivityResult.Fail(e.Message);
        }
        switch (credential.Kind)
        {
            case "usernamePassword":
                var pair = $"{credential.Field("username")}:{credential.Secrets.GetValueOrDefault("password")}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                return null;
            case "apiKey":
                var key = credential.Secrets.GetValueOrDefault("apiKey") ?? "";
                var header = credential.Field("headerName");
                if (string.IsNullOrWhiteSpace(header) || header.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                else
                    request.Headers.TryAddWithoutValidation(header, key);
                return null;
            default:
                return ActivityResult.Fail($"Credential '{name}' is a {credential.Kind} credential; an HTTP request can sign in with a user name and password or an API key.");
        }
    }

    private static JsonNode? ParseBody(string content, MediaTypeHeaderValue? type)
    {
        if (content.Length == 0) return null;
        if (type?.MediaType is { } media && (media.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            try { return JsonNode.Parse(content); } catch (JsonException) { }
        }
        return JsonValue.Create(content);
    }
}
