using System.Collections.Concurrent;
using Automation.Engine.Credentials;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Credentials kept in memory; records are copied in and out so callers cannot change what is stored.</summary>
public sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly ConcurrentDictionary<string, CredentialRecord> _credentials = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<CredentialRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CredentialRecord> all = _credentials.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(Copy).ToList();
        return Task.FromResult(all);
    }

    /// <inheritdoc />
    public Task<CredentialRecord?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_credentials.TryGetValue(name, out var c) ? Copy(c) : null);

    /// <inheritdoc />
    public Task SaveAsync(CredentialRecord credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credentials.AddOrUpdate(credential.Name, _ => Copy(credential),
            (_, old) => Copy(credential) with { CreatedAt = old.CreatedAt });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_credentials.TryRemove(name, out _));

    private static CredentialRecord Copy(CredentialRecord c) => c with
    {
        Fields = c.Fields.DeepClone().AsObject(),
        SecretNames = c.SecretNames.ToArray(),
        ProtectedSecrets = (byte[])c.ProtectedSecrets.Clone(),
    };
}
