namespace Automation.Engine.Queues;

/// <summary>Items were refused because their references are already in a queue whose policy rejects duplicates.</summary>
public sealed class DuplicateQueueItemException(string queue, IReadOnlyList<string> references)
    : Exception($"Queue '{queue}' already holds an item with reference {string.Join(", ", references.Select(r => $"'{r}'"))}; nothing was added.")
{
    /// <summary>The queue.</summary>
    public string Queue { get; } = queue;

    /// <summary>The duplicate references (also duplicates within the batch itself).</summary>
    public IReadOnlyList<string> References { get; } = references;
}
