namespace Automation.Engine.Persistence.InMemory;

/// <summary>API keys kept in an <see cref="InMemoryStore"/>.</summary>
public sealed class InMemoryApiKeyStore(InMemoryStore store) : IApiKeyStore
{
    /// <inheritdoc />
    public Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            var key = store.ApiKeys.Values
                .Where(k => k.RevokedAt is null && string.Equals(k.KeyHash, keyHash, StringComparison.Ordinal))
                .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            return Task.FromResult(key is null ? null : ModelCopies.Copy(key));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            IReadOnlyList<ApiKeyRecord> keys = store.ApiKeys.Values
                .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
                .Select(ModelCopies.Copy).ToList();
            return Task.FromResult(keys);
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A key with this id already exists.</exception>
    public Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (store.Gate)
        {
            if (!store.ApiKeys.TryAdd(key.Id, ModelCopies.Copy(key)))
            {
                throw new InvalidOperationException($"An API key with id '{key.Id}' already exists.");
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            if (!store.ApiKeys.TryGetValue(id, out var key))
            {
                return Task.FromResult(false);
            }

            store.ApiKeys[id] = key with { RevokedAt = key.RevokedAt ?? StoreTime.Normalize(at) };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.ApiKeys.Count == 0);
        }
    }
}
