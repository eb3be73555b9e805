namespace Automation.Engine.Persistence;

/// <summary>An API key record. Only a hash of the key is stored.</summary>
public sealed record ApiKeyRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; init; }
    /// <summary>Role names (admin, processOwner, operator, bot).</summary>
    public required IReadOnlyList<string> Roles { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>Stores API keys by hash.</summary>
public interface IApiKeyStore
{
    /// <summary>The non-revoked key with this hash, or null.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default);
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);
    /// <summary>Marks a key revoked. Returns false when it does not exist.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
    /// <summary>True when no key exists at all (first run).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);
}
