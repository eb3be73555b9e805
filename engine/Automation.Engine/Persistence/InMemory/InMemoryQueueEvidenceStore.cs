using Automation.Engine.Queues;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Queue item evidence in memory.</summary>
public sealed class InMemoryQueueEvidenceStore : IQueueEvidenceStore
{
    private readonly object _gate = new();
    private readonly List<QueueItemEvidence> _evidence = [];

    /// <inheritdoc />
    public Task AddAsync(QueueItemEvidence evidence, CancellationToken cancellationToken = default)
    {
        QueueEvidenceChecks.Check(evidence);
        lock (_gate)
        {
            if (!_evidence.Any(e => e.ItemId == evidence.ItemId && e.DocumentId == evidence.DocumentId))
                _evidence.Add(evidence with { CreatedAt = StoreTime.Normalize(evidence.CreatedAt) });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueItemEvidence>> ListAsync(string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<QueueItemEvidence>>(_evidence.Where(e => e.ItemId == itemId)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.DocumentId, StringComparer.Ordinal).ToList());
    }
}
