namespace Automation.Engine.Queues;

/// <summary>Links documents to the queue items (and attempts) they are evidence of.</summary>
public interface IQueueEvidenceStore
{
    /// <summary>Links <paramref name="evidence"/>'s document to its item; linking the same document again changes nothing.</summary>
    /// <exception cref="ArgumentException">The item id, document id or kind is empty.</exception>
    Task AddAsync(QueueItemEvidence evidence, CancellationToken cancellationToken = default);

    /// <summary>The item's evidence, oldest first (empty when it has none or does not exist).</summary>
    Task<IReadOnlyList<QueueItemEvidence>> ListAsync(string itemId, CancellationToken cancellationToken = default);
}
