using System.Text.Json.Nodes;
using Automation.Engine.Runtime;
using Automation.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Signals: resume every instance waiting for a named signal.</summary>
public static class SignalsApi
{
    /// <summary>Maps <c>/api/signals</c>.</summary>
    public static RouteGroupBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/signals").WithTags("Signals");
        group.MapPost("/{name}", Send).RequireAuthorization(Policies.SendSignals);
        return group;
    }

    private static async Task<Ok<SignalResult>> Send(string name, SignalRequest? body, IWorkflowRuntime runtime, IHostApplicationLifetime lifetime) =>
        TypedResults.Ok(new SignalResult(await runtime.SignalAsync(name, string.IsNullOrWhiteSpace(body?.CorrelationId) ? null : body.CorrelationId,
            body?.Payload, lifetime.ApplicationStopping)));
}

/// <summary>The optional body of a signal.</summary>
/// <param name="CorrelationId">Only instances waiting with this correlation id; all waiting for the name when null.</param>
/// <param name="Payload">Data handed to the resumed activities.</param>
public sealed record SignalRequest(string? CorrelationId, JsonNode? Payload);

/// <summary>The instances a signal resumed.</summary>
public sealed record SignalResult(IReadOnlyList<string> Resumed);
