using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Engine.Triggers;
using Automation.Server.Errors;
using Automation.Server.Triggers;
using Automation.Server.Triggers.Hooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>
/// <c>POST /api/hooks/{path}</c>: other systems start a workflow that begins with an HTTP endpoint trigger by posting to
/// its path. Anonymous for routing: each hook checks its caller itself (an API key of a role that may start instances,
/// a shared secret, or an HMAC signature), as its trigger says.
/// </summary>
public static class HooksApi
{
    /// <summary>How long a sender is asked to wait before retrying a paused hook.</summary>
    private const int PausedRetryAfterSeconds = 60;

    /// <summary>Maps <c>POST /api/hooks/{**path}</c>.</summary>
    public static RouteHandlerBuilder MapHooksApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/hooks/{**path}", Receive)
            .AllowAnonymous()
            .WithTags("Hooks")
            // No Accepts metadata: routing would answer other content types with a bare 415 before the hook could explain.
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    // The start runs with the application's stopping token, not the request's: a caller that hangs up after the
    // instance is committed must still get its instance (a retry with the same Idempotency-Key then finds it).
    private static async Task<Results<Ok<HookResponse>, Accepted<HookResponse>, ProblemHttpResult>> Receive(
        string? path, HttpContext context, ITriggerStore store, ActivityRegistry registry, HookAuthenticator authenticator,
        HookRequestReader reader, TriggerStarter starter, IInstanceStore instances, IDefinitionStore definitions,
        IHostApplicationLifetime lifetime, TimeProvider clock, CancellationToken ct)
    {
        var key = HookPaths.Normalise(path) ?? "";
        if (key.Length == 0 || HookPaths.Problem(key) is not null) return NotFound(key);
        var trigger = await store.FindByKeyAsync(HttpEndpoint.TypeName, key, ct);
        if (trigger is null || !registry.TryGet(trigger.Type, out var type) || TriggerSettings.Bind(type, trigger.Settings) is not HttpEndpoint hook)
            return NotFound(key);

        // Only a signature needs the body to check the caller; the other ways are checked before a stranger's body is read.
        var body = hook.Authentication == HookAuthentication.HmacSha256 ? await ReadBodyAsync(context.Request, ct) : null;
        if (await authenticator.CheckAsync(context, trigger, hook, body, ct) is { } refusal) return refusal;
        body ??= await ReadBodyAsync(context.Request, ct);
        if (trigger.Paused) return Paused(context, key);

        var idempotencyKey = context.Request.Headers[HookAuthentication.IdempotencyHeader].ToString().Trim();
        if (idempotencyKey.Length > 200)
            return Problems.BadRequest($"The {HookAuthentication.IdempotencyHeader} header may have at most 200 characters.");
        var instanceId = idempotencyKey.Length > 0
            ? EventInstanceIds.For("hook", trigger.Id, idempotencyKey)
            : Guid.CreateVersion7().ToString("N");

        JsonObject input;
        try
        {
            input = await reader.ReadAsync(context.Request, body, hook, instanceId, lifetime.ApplicationStopping);
        }
        catch (HookBodyException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: ex.Status,
                title: ex.Status == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Bad request");
        }

        TriggerFiring firing;
        try
        {
            var description = $"POST /api/hooks/{key}" + (idempotencyKey.Length > 0 ? $" ({HookAuthentication.IdempotencyHeader} {idempotencyKey})" : "");
            firing = await starter.FireAsync(trigger, input, instanceId, description, cancellationToken: lifetime.ApplicationStopping);
        }
        catch (TriggerPausedException)
        {
            return Paused(context, key);
        }

        var instance = hook.WaitTimeout > TimeSpan.Zero
            ? await WaitAsync(instances, firing.InstanceId, hook.WaitTimeout, clock, ct)
            : firing.Instance ?? await instances.GetAsync(firing.InstanceId, ct);
        if (instance is null) throw new InstanceNotFoundException(firing.InstanceId);
        var detail = await InstanceViews.ToDetailAsync(instance, definitions, ct);
        var response = new HookResponse(instance.Id, instance.Status, firing.Started, detail.Output, instance.FaultMessage);
        return instance.IsEnded && hook.WaitTimeout > TimeSpan.Zero
            ? TypedResults.Ok(response)
            : TypedResults.Accepted($"/api/workflow-instances/{instance.Id}", response with { Output = null });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        // The whole body is needed as sent, to check a signature before anything is parsed. Kestrel's request size limit applies.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Polls the instance until it no longer runs (ended, or suspended waiting for something) or the wait is over.</summary>
    private static async Task<WorkflowInstance?> WaitAsync(IInstanceStore instances, string instanceId, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var instance = await instances.GetAsync(instanceId, ct);
            var left = deadline - clock.GetUtcNow();
            if (instance is null || instance.Status != WorkflowStatus.Running || left <= TimeSpan.Zero) return instance;
            await Task.Delay(delay < left ? delay : left, clock, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    private static ProblemHttpResult Paused(HttpContext context, string key)
    {
        // 503 with Retry-After rather than 409: a paused hook is a temporary stop, and webhook senders retry 5xx answers
        // later, so events sent while an operator has paused the trigger are delivered after it is resumed.
        context.Response.Headers.RetryAfter = PausedRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem($"The hook '{key}' is paused by an operator; try again later.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Paused");
    }

    private static ProblemHttpResult NotFound(string key) => Problems.NotFound($"There is no hook at /api/hooks/{key}.");
}

/// <summary>What a hook answers.</summary>
/// <param name="InstanceId">The instance started (or, for a repeated <c>Idempotency-Key</c>, the one started the first time).</param>
/// <param name="Status">The instance's status when the answer was written.</param>
/// <param name="Started">False when the <c>Idempotency-Key</c> had been seen before and no new instance was started.</param>
/// <param name="Output">The workflow's output (secret outputs masked), in a 200 answer.</param>
/// <param name="FaultMessage">Why the instance faulted, when it did.</param>
public sealed record HookResponse(string InstanceId, WorkflowStatus Status, bool Started, JsonObject? Output, string? FaultMessage);
