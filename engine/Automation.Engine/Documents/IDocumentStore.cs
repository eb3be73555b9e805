namespace Automation.Engine.Documents;

/// <summary>Keeps files (attachments, dropped files) in the store so that they outlive the mailbox or folder they came from.</summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="id"/>, or a new id when null. Saving again under an id that
    /// exists keeps the first document and returns it, so a trigger that re-runs after a crash stores each file once.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    Task<StoredDocument> SaveAsync(string name, string contentType, ReadOnlyMemory<byte> content, string? instanceId = null, string? id = null,
        CancellationToken cancellationToken = default);

    /// <summary>A document's description, or null.</summary>
    Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A document's content, or null when it does not exist.</summary>
    Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken = default);
}
