using System.Data.Common;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;

namespace Automation.Storage.Sql;

/// <summary>API keys (hashes only) in a SQL database.</summary>
internal sealed class SqlApiKeyStore(SqlDatabase database) : IApiKeyStore
{
    /// <inheritdoc />
    public async Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        var row = await database.QueryFirstAsync<ApiKeyRow>(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys WHERE key_hash = @Hash AND revoked_at IS NULL ORDER BY created_at, id LIMIT 1",
            new { Hash = keyHash }, cancellationToken).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<ApiKeyRow>(
            $"SELECT {ApiKeyRow.Columns} FROM api_keys ORDER BY created_at, id", null, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A key with this id already exists.</exception>
    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await database.ExecuteAsync(
                "INSERT INTO api_keys (id, name, key_hash, roles, created_at, revoked_at) VALUES (@Id, @Name, @KeyHash, @Roles, @CreatedAt, @RevokedAt)",
                new
                {
                    key.Id,
                    key.Name,
                    key.KeyHash,
                    Roles = StoredJson.Write(key.Roles),
                    CreatedAt = StoreTime.ToUnixMs(key.CreatedAt),
                    RevokedAt = StoreTime.ToUnixMs(key.RevokedAt),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw new InvalidOperationException($"An API key with id '{key.Id}' already exists.", e);
        }
    }

    /// <inheritdoc />
    /// <remarks>Revoking a revoked key keeps its first revocation time.</remarks>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @At) WHERE id = @Id",
            new { Id = id, At = StoreTime.ToUnixMs(at) }, cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        await database.QueryFirstAsync<long>(
            "SELECT COUNT(*) FROM (SELECT 1 AS one FROM api_keys LIMIT 1) AS any_key", null, cancellationToken).ConfigureAwait(false) == 0;
}
