using Automation.Engine.Persistence;
using Automation.Engine.Queues;

namespace Automation.Storage.Sql;

/// <summary>Queue item evidence in <c>queue_item_evidence</c> (the documents themselves stay in <c>documents</c>).</summary>
internal sealed class SqlQueueEvidenceStore(SqlDatabase database) : IQueueEvidenceStore
{
    /// <inheritdoc />
    public Task AddAsync(QueueItemEvidence evidence, CancellationToken cancellationToken = default)
    {
        QueueEvidenceChecks.Check(evidence);
        return database.ExecuteAsync(
            """
            INSERT INTO queue_item_evidence (item_id, document_id, attempt, kind, created_at) VALUES (@ItemId, @DocumentId, @Attempt, @Kind, @CreatedAt)
            ON CONFLICT (item_id, document_id) DO NOTHING
            """,
            new { evidence.ItemId, evidence.DocumentId, evidence.Attempt, evidence.Kind, CreatedAt = StoreTime.ToUnixMs(evidence.CreatedAt) }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueItemEvidence>> ListAsync(string itemId, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync<(string ItemId, long Attempt, string DocumentId, string Kind, long CreatedAt)>(
            "SELECT item_id, attempt, document_id, kind, created_at FROM queue_item_evidence WHERE item_id = @ItemId ORDER BY created_at, document_id",
            new { ItemId = itemId }, cancellationToken).ConfigureAwait(false))
        .Select(r => new QueueItemEvidence(r.ItemId, (int)r.Attempt, r.DocumentId, r.Kind, StoreTime.FromUnixMs(r.CreatedAt))).ToList();
}
