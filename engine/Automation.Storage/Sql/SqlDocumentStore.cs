using System.Security.Cryptography;
using Automation.Engine.Documents;
using Automation.Engine.Persistence;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Documents in a SQL database: the content in a blob column beside its description.</summary>
internal sealed class SqlDocumentStore(SqlDatabase database, TimeProvider clock) : IDocumentStore
{
    private const string Columns = "id AS Id, name AS Name, content_type AS ContentType, size AS Size, sha256 AS Sha256, created_at AS CreatedAt, instance_id AS InstanceId";

    /// <inheritdoc />
    public async Task<StoredDocument> SaveAsync(string name, string contentType, ReadOnlyMemory<byte> content, string? instanceId = null, string? id = null,
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
        await database.ExecuteAsync(
            """
            INSERT INTO documents (id, name, content_type, size, sha256, created_at, instance_id, content)
            VALUES (@Id, @Name, @ContentType, @Size, @Sha256, @CreatedAt, @InstanceId, @Content)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                document.Id, document.Name, document.ContentType, document.Size, document.Sha256, CreatedAt = StoreTime.ToUnixMs(document.CreatedAt),
                document.InstanceId, Content = content.ToArray(),
            }, cancellationToken).ConfigureAwait(false);
        return id is null ? document : await GetAsync(document.Id, cancellationToken).ConfigureAwait(false) ?? document;
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await database.QueryFirstAsync<DocumentRow>($"SELECT {Columns} FROM documents WHERE id = @Id", new { Id = id }, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : new StoredDocument
        {
            Id = row.Id, Name = row.Name, ContentType = row.ContentType, Size = row.Size, Sha256 = row.Sha256,
            CreatedAt = StoreTime.FromUnixMs(row.CreatedAt), InstanceId = row.InstanceId,
        };
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QueryFirstOrDefaultAsync<byte[]?>(
            new CommandDefinition("SELECT content FROM documents WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)), cancellationToken);

    private sealed class DocumentRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long Size { get; set; }
        public string Sha256 { get; set; } = "";
        public long CreatedAt { get; set; }
        public string? InstanceId { get; set; }
    }
}
