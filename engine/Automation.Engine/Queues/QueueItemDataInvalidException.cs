using Automation.Engine.Validation;

namespace Automation.Engine.Queues;

/// <summary>Items were refused because their data does not match the queue's JSON schema; nothing was added.</summary>
public sealed class QueueItemDataInvalidException(string queue, IReadOnlyList<QueueItemDataError> errors)
    : Exception($"Items do not match the data schema of queue '{queue}': "
        + string.Join("; ", errors.Take(5).Select(e => $"item {e.Index}: {e.Error.Message}")) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""))
{
    /// <summary>The queue.</summary>
    public string Queue { get; } = queue;

    /// <summary>Every schema error, with the index of the item in the batch.</summary>
    public IReadOnlyList<QueueItemDataError> Errors { get; } = errors;
}

/// <summary>One schema error of the item at <paramref name="Index"/> (0-based) of a batch.</summary>
public sealed record QueueItemDataError(int Index, ValidationError Error);
