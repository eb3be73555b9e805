namespace Automation.Engine.Documents;

/// <summary>A file kept in the store (an email attachment, a dropped file, a raw message set aside), without its content.</summary>
public sealed record StoredDocument
{
    /// <summary>Unique id; workflows refer to a document by it.</summary>
    public required string Id { get; init; }

    /// <summary>The file name as received.</summary>
    public required string Name { get; init; }

    /// <summary>MIME type, for example <c>application/pdf</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>When it was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The instance it belongs to, when it belongs to one.</summary>
    public string? InstanceId { get; init; }
}
