using System.Text.Json.Nodes;
using Automation.Engine.Model;

namespace Automation.Engine.Runtime;

/// <summary>Starts, resumes, retries and cancels workflow instances. Thread-safe; one per process.</summary>
public interface IWorkflowRuntime
{
    /// <summary>
    /// Starts an instance of the published version of a definition (or of <see cref="StartRequest.Version"/>).
    /// With <see cref="StartRequest.Wait"/> the call returns once the instance has finished, faulted or suspended;
    /// otherwise once the new instance is persisted (it then runs in the background).
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">The definition or version does not exist or is not published (drafts never run).</exception>
    /// <exception cref="InvalidWorkflowInputException">Required inputs are missing or of the wrong type.</exception>
    Task<WorkflowInstance> StartAsync(StartRequest request, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark with a payload; null when the bookmark no longer exists (already resumed or cancelled).</summary>
    /// <remarks>Two concurrent resumes of one bookmark resume it once: the loser gets null.</remarks>
    Task<WorkflowInstance?> ResumeBookmarkAsync(string bookmarkId, JsonNode? payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes every WaitForSignal bookmark with this signal name and this correlation id (a signal without one resumes
    /// the waits without one). An instance that cannot be resumed is logged and skipped.
    /// </summary>
    /// <returns>The ids of the instances resumed.</returns>
    Task<IReadOnlyList<string>> SignalAsync(string signalName, string? correlationId, JsonNode? payload, CancellationToken cancellationToken = default);

    /// <summary>Completes a human task with an outcome (one of the task's outcomes; its first when null) and the form data, and resumes its instance.</summary>
    /// <exception cref="TaskNotFoundException">No such task.</exception>
    /// <exception cref="TaskStateException">The task is completed, cancelled, or claimed by someone else.</exception>
    /// <exception cref="TaskCompletionException">The outcome is not one of the task's outcomes.</exception>
    Task<HumanTask> CompleteTaskAsync(string taskId, string user, string? outcome, JsonObject? data, CancellationToken cancellationToken = default);

    /// <summary>Retries a faulted instance from the activities that faulted (attempts start again from 1).</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InstanceStateException">The instance is not faulted.</exception>
    Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Cancels an instance that is running, suspended or faulted, and its child instances; open tasks are cancelled.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InstanceStateException">The instance has already finished or been cancelled.</exception>
    Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Continues a Running instance from its last checkpoint (after a crash); false when another node holds it.</summary>
    Task<bool> RecoverAsync(string instanceId, CancellationToken cancellationToken = default);
}

/// <summary>What to start.</summary>
public sealed record StartRequest
{
    public required string DefinitionId { get; init; }
    /// <summary>A specific version; the published one when null.</summary>
    public int? Version { get; init; }
    public JsonObject? Input { get; init; }
    public string? CorrelationId { get; init; }
    /// <summary>Run to the first suspension or the end before returning.</summary>
    public bool Wait { get; init; }
    /// <summary>Fixed id for the new instance (used for idempotent child starts); generated when null.</summary>
    public string? InstanceId { get; init; }
    public string? ParentInstanceId { get; init; }
    public string? ParentBookmarkId { get; init; }
}
