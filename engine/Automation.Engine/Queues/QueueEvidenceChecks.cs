namespace Automation.Engine.Queues;

/// <summary>The checks every <see cref="IQueueEvidenceStore"/> makes before linking a document.</summary>
public static class QueueEvidenceChecks
{
    /// <summary>Throws when a field of <paramref name="evidence"/> is missing.</summary>
    /// <exception cref="ArgumentException">The item id, document id or kind is empty, or the attempt is below 1.</exception>
    public static void Check(QueueItemEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (string.IsNullOrWhiteSpace(evidence.ItemId)) throw new ArgumentException("Evidence needs the id of its queue item.", nameof(evidence));
        if (string.IsNullOrWhiteSpace(evidence.DocumentId)) throw new ArgumentException("Evidence needs the id of its document.", nameof(evidence));
        if (string.IsNullOrWhiteSpace(evidence.Kind)) throw new ArgumentException("Evidence needs a kind (screenshot or trace).", nameof(evidence));
        if (evidence.Attempt < 1) throw new ArgumentException($"Evidence of attempt {evidence.Attempt}: attempts count from 1.", nameof(evidence));
    }
}
