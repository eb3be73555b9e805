using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Triggers;

/// <summary>What became of one firing of a trigger.</summary>
/// <param name="InstanceId">The instance started, or the one already started for the same event.</param>
/// <param name="Started">False when an instance with that id already existed (the event was seen before).</param>
/// <param name="Instance">The instance as the start left it (with <c>wait</c>, finished or suspended); null for a duplicate.</param>
public sealed record TriggerFiring(string InstanceId, bool Started, WorkflowInstance? Instance);

/// <summary>
/// Starts a workflow for a trigger's event and records the event. Every trigger host starts instances through it, so
/// all of them get the same rules: a paused trigger starts nothing, and an event given a deterministic instance id
/// (a message's id, a file's name and size) starts at most one instance however often it is seen.
/// </summary>
public sealed class TriggerStarter(
    IWorkflowRuntime runtime, IInstanceStore instances, ITriggerStore store, TimeProvider clock, IOptions<TriggerOptions> options,
    ILogger<TriggerStarter> logger)
{
    /// <summary>
    /// Starts the trigger's workflow (its published version) with <paramref name="input"/>. Returns once the instance is
    /// persisted, or with <paramref name="wait"/> once it finishes or suspends.
    /// </summary>
    /// <param name="trigger">The registration that fired.</param>
    /// <param name="input">The event, as the workflow's input.</param>
    /// <param name="instanceId">A deterministic id for the event, so seeing it again starts nothing; a new id when null.</param>
    /// <param name="description">What fired, for the trigger's event list (for example "message from a@b: Subject").</param>
    /// <param name="wait">Run to the end or the first wait before returning.</param>
    /// <param name="correlationId">Correlation id for the instance.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="TriggerPausedException">The trigger is paused.</exception>
    /// <exception cref="WorkflowNotFoundException">The workflow is no longer published.</exception>
    /// <exception cref="InvalidWorkflowInputException">The event does not satisfy the workflow's inputs.</exception>
    public async Task<TriggerFiring> FireAsync(
        TriggerRegistration trigger, JsonObject input, string? instanceId, string description, bool wait = false, string? correlationId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Paused) throw new TriggerPausedException(trigger.Id);
        if (instanceId is not null && await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
            return await DuplicateAsync(trigger, instanceId, description, cancellationToken).ConfigureAwait(false);
        WorkflowInstance instance;
        try
        {
            instance = await runtime.StartAsync(new StartRequest
            {
                DefinitionId = trigger.DefinitionId,
                Input = input,
                InstanceId = instanceId,
                CorrelationId = correlationId,
                Wait = wait,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyException) when (instanceId is not null)
        {
            // Another node started the same event a moment earlier.
            return await DuplicateAsync(trigger, instanceId, description, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordAsync(trigger, TriggerEventKinds.Error, $"{description}: could not start the workflow: {ex.Message}", null, cancellationToken).ConfigureAwait(false);
            throw;
        }
        logger.LogInformation("Trigger {TriggerId} started instance {InstanceId} ({Description})", trigger.Id, instance.Id, description);
        await RecordAsync(trigger, TriggerEventKinds.Fired, description, instance.Id, cancellationToken).ConfigureAwait(false);
        return new TriggerFiring(instance.Id, true, instance);
    }

    /// <summary>Records an event of a trigger that did not start anything (an error, a quarantined input).</summary>
    public Task RecordAsync(TriggerRegistration trigger, string kind, string message, string? instanceId = null, CancellationToken cancellationToken = default) =>
        store.AddEventAsync(new TriggerEvent
        {
            Id = NextEventId(),
            TriggerId = trigger.Id,
            At = clock.GetUtcNow(),
            Kind = kind,
            Message = message,
            InstanceId = instanceId,
        }, options.Value.EventsKept, cancellationToken);

    private static long _eventSequence;

    // Events are listed newest first by time, then id; two events of one millisecond (a firing and the error after it)
    // must still list in the order they happened, which a random id within the millisecond does not give.
    private string NextEventId() =>
        $"{clock.GetUtcNow().ToUnixTimeMilliseconds():D15}-{Interlocked.Increment(ref _eventSequence):D12}-{Environment.ProcessId:D7}";

    private async Task<TriggerFiring> DuplicateAsync(TriggerRegistration trigger, string instanceId, string description, CancellationToken cancellationToken)
    {
        logger.LogInformation("Trigger {TriggerId} saw {Description} again; instance {InstanceId} already exists", trigger.Id, description, instanceId);
        await RecordAsync(trigger, TriggerEventKinds.Duplicate, $"{description}: already started", instanceId, cancellationToken).ConfigureAwait(false);
        return new TriggerFiring(instanceId, false, null);
    }
}

/// <summary>A paused trigger was asked to start a workflow.</summary>
public sealed class TriggerPausedException(string triggerId) : Exception($"Trigger '{triggerId}' is paused.")
{
    /// <summary>The trigger.</summary>
    public string TriggerId { get; } = triggerId;
}
