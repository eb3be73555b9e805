namespace Automation.Engine.Runtime;

/// <summary>Base of the engine's expected errors; the server maps each kind to an HTTP status.</summary>
public abstract class WorkflowException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A definition, version or published version that does not exist (HTTP 404).</summary>
public sealed class WorkflowNotFoundException(string message) : WorkflowException(message);

/// <summary>An instance that does not exist (HTTP 404).</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : WorkflowException($"Workflow instance '{instanceId}' does not exist.");

/// <summary>A task that does not exist (HTTP 404).</summary>
public sealed class TaskNotFoundException(string taskId) : WorkflowException($"Task '{taskId}' does not exist.");

/// <summary>An operation not allowed in the instance's current status (HTTP 409).</summary>
public sealed class InstanceStateException(string message) : WorkflowException(message);

/// <summary>An operation not allowed in the task's current status (HTTP 409).</summary>
public sealed class TaskStateException(string message) : WorkflowException(message);

/// <summary>A task completion with an outcome the task does not offer (HTTP 400).</summary>
public sealed class TaskCompletionException(string message) : WorkflowException(message);

/// <summary>Start input that does not match the definition's declared inputs (HTTP 400). Lists every problem.</summary>
public sealed class InvalidWorkflowInputException(IReadOnlyList<Validation.ValidationError> errors)
    : WorkflowException("The workflow input is invalid: " + string.Join("; ", errors.Select(e => e.Message)))
{
    /// <summary>One error per input, with code <c>missing-input</c> or <c>invalid-input</c> and field <c>input.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<Validation.ValidationError> Errors { get; } = errors;
}

/// <summary>A definition that fails validation (HTTP 400). Carries every error.</summary>
public sealed class WorkflowValidationException(IReadOnlyList<Validation.ValidationError> errors)
    : WorkflowException($"The workflow definition has {errors.Count} error(s): " + string.Join("; ", errors.Take(5)))
{
    public IReadOnlyList<Validation.ValidationError> Errors { get; } = errors;
}
