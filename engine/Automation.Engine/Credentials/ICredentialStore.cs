namespace Automation.Engine.Credentials;

/// <summary>Keeps credential records; it never sees a secret in clear (see <see cref="CredentialVault"/>).</summary>
public interface ICredentialStore
{
    /// <summary>Every credential, by name.</summary>
    Task<IReadOnlyList<CredentialRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The credential called <paramref name="name"/> (exact case), or null.</summary>
    Task<CredentialRecord?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates the credential, or replaces the one with the same name (keeping its <see cref="CredentialRecord.CreatedAt"/>).</summary>
    Task SaveAsync(CredentialRecord credential, CancellationToken cancellationToken = default);

    /// <summary>Deletes the credential; false when there was none of that name.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
