using System.Collections.Concurrent;
using System.Security.Cryptography;
using Automation.Engine.Documents;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Documents in memory.</summary>
public sealed class InMemoryDocumentStore(TimeProvider clock) : IDocumentStore
{
    private readonly ConcurrentDictionary<string, (StoredDocument Document, byte[] Content)> _documents = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StoredDocument> SaveAsync(string name, string contentType, ReadOnlyMemory<byte> content, string? instanceId = null, string? id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var document = new StoredDocument
        {
            Id = id ?? Guid.CreateVersion7().ToString("N"),
            Name = name,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            CreatedAt = StoreTime.Normalize(clock.GetUtcNow()),
            InstanceId = instanceId,
        };
        return Task.FromResult(_documents.GetOrAdd(document.Id, (document, content.ToArray())).Document);
    }

    /// <inheritdoc />
    public Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue(id, out var d) ? d.Document : null);

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue(id, out var d) ? (byte[])d.Content.Clone() : null);
}
