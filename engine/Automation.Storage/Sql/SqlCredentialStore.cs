using Automation.Engine.Credentials;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;

namespace Automation.Storage.Sql;

/// <summary>Credentials in a SQL database; secrets arrive and leave encrypted (see <see cref="CredentialVault"/>).</summary>
internal sealed class SqlCredentialStore(SqlDatabase database) : ICredentialStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CredentialRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<CredentialRow>(
            $"SELECT {CredentialRow.Columns} FROM credentials ORDER BY name", null, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<CredentialRecord?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var row = await database.QueryFirstAsync<CredentialRow>(
            $"SELECT {CredentialRow.Columns} FROM credentials WHERE name = @Name", new { Name = name }, cancellationToken).ConfigureAwait(false);
        return row?.ToModel();
    }

    /// <inheritdoc />
    /// <remarks>One upsert statement (the same syntax in SQLite and PostgreSQL), so two saves of a name never both insert.</remarks>
    public Task SaveAsync(CredentialRecord credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return database.ExecuteAsync(
            """
            INSERT INTO credentials (name, kind, description, fields, secret_names, protected_secrets, created_at, updated_at, updated_by)
            VALUES (@Name, @Kind, @Description, @Fields, @SecretNames, @ProtectedSecrets, @CreatedAt, @UpdatedAt, @UpdatedBy)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, description = excluded.description, fields = excluded.fields,
                secret_names = excluded.secret_names, protected_secrets = excluded.protected_secrets,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            new
            {
                credential.Name,
                credential.Kind,
                credential.Description,
                Fields = credential.Fields.ToJsonString(),
                SecretNames = StoredJson.Write(credential.SecretNames),
                credential.ProtectedSecrets,
                CreatedAt = StoreTime.ToUnixMs(credential.CreatedAt),
                UpdatedAt = StoreTime.ToUnixMs(credential.UpdatedAt),
                credential.UpdatedBy,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync("DELETE FROM credentials WHERE name = @Name", new { Name = name }, cancellationToken).ConfigureAwait(false) > 0;
}
