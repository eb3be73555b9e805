using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Engine.Validation;

namespace Automation.Engine.Credentials;

/// <summary>What a person submits to create or change a credential.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Kind">One of <see cref="CredentialKinds"/>.</param>
/// <param name="Description">Optional note.</param>
/// <param name="Fields">Settings that are not secret.</param>
/// <param name="Secrets">
/// Secrets by name. A secret left out (or null) keeps its stored value, so a form can change the user name without
/// re-typing the password; an empty string removes an optional secret.
/// </param>
public sealed record CredentialInput(string Name, string Kind, string? Description, JsonObject? Fields, IReadOnlyDictionary<string, string?>? Secrets);

/// <summary>What <see cref="CredentialVault.SaveAsync"/> saved, and whether the credential is new.</summary>
public sealed record SavedCredential(CredentialRecord Record, bool Created);

/// <summary>A credential ready to use: its settings and its secrets in clear. Never log it or put it in the journal.</summary>
public sealed record UnlockedCredential(string Name, string Kind, JsonObject Fields, IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>The setting <paramref name="field"/> as text, or null.</summary>
    public string? Field(string field) => Fields[field] is { } value ? value.ToString() : null;

    /// <inheritdoc />
    /// <remarks>Names the credential only, so that an accidental log line carries no secret.</remarks>
    public override string ToString() => $"credential '{Name}' ({Kind})";
}

/// <summary>Thrown when a credential cannot be saved; <see cref="Errors"/> names every problem with its field.</summary>
public sealed class CredentialValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("The credential is invalid: " + string.Join("; ", errors))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>
/// The one place secrets are encrypted and decrypted: validates and saves credentials through an
/// <see cref="ICredentialStore"/> (which only ever holds ciphertext) and hands clear secrets to activities that run.
/// </summary>
public sealed partial class CredentialVault(ICredentialStore store, ISecretProtector protector, TimeProvider time)
{
    /// <summary>Validates <paramref name="input"/> and saves it, merging secrets left out with the stored ones.</summary>
    /// <returns>The saved record (secrets encrypted), and whether it was created rather than changed.</returns>
    /// <exception cref="CredentialValidationException">The name, kind, a field or a secret is missing or invalid.</exception>
    public async Task<SavedCredential> SaveAsync(CredentialInput input, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Name) || !NamePattern().IsMatch(input.Name))
            errors.Add(new("invalid-name", "Give a name of letters, digits, '-', '_' or '.', starting with a letter or digit (at most 100).", Field: "name"));
        var kind = CredentialKinds.Find(input.Kind);
        if (kind is null)
        {
            errors.Add(new("unknown-kind", $"'{input.Kind}' is not a kind of credential; use one of {string.Join(", ", CredentialKinds.All.Select(k => k.Name))}.", Field: "kind"));
            throw new CredentialValidationException(errors);
        }

        var existing = errors.Count == 0 ? await store.GetAsync(input.Name, cancellationToken).ConfigureAwait(false) : null;
        var secrets = existing is null ? new Dictionary<string, string>(StringComparer.Ordinal) : ReadSecrets(existing);
        foreach (var (name, value) in input.Secrets ?? new Dictionary<string, string?>())
        {
            if (value is null) continue;
            if (!kind.AllowsOtherFields && kind.Secrets.All(s => s.Name != name))
                errors.Add(new("unknown-secret", $"A {kind.DisplayName} credential has no secret '{name}'.", Field: $"secrets.{name}"));
            else if (value.Length == 0) secrets.Remove(name);
            else secrets[name] = value;
        }
        foreach (var secret in kind.Secrets.Where(s => s.Required && !secrets.ContainsKey(s.Name)))
            errors.Add(new("missing-secret", $"{secret.DisplayName} is required.", Field: $"secrets.{secret.Name}"));

        var fields = input.Fields?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in fields)
        {
            var field = kind.Fields.FirstOrDefault(f => f.Name == name);
            if (field is null && !kind.AllowsOtherFields)
                errors.Add(new("unknown-field", $"A {kind.DisplayName} credential has no setting '{name}'.", Field: $"fields.{name}"));
            else if (field is { Type: "number" } && value?.GetValueKind() != JsonValueKind.Number)
                errors.Add(new("invalid-field", $"{field.DisplayName} must be a number.", Field: $"fields.{name}"));
            else if (field is { Options: { } options } && !options.Contains(value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : ""))
                errors.Add(new("invalid-field", $"{field.DisplayName} must be one of {string.Join(", ", options)}.", Field: $"fields.{name}"));
        }
        foreach (var field in kind.Fields.Where(f => f.Required && (fields[f.Name] is null || fields[f.Name]!.ToString().Length == 0)))
            errors.Add(new("missing-field", $"{field.DisplayName} is required.", Field: $"fields.{field.Name}"));
        if (errors.Count > 0) throw new CredentialValidationException(errors);

        var now = time.GetUtcNow();
        var record = new CredentialRecord
        {
            Name = input.Name,
            Kind = kind.Name,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            Fields = fields,
            SecretNames = secrets.Keys.Order(StringComparer.Ordinal).ToArray(),
            ProtectedSecrets = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(secrets), Purpose(input.Name)),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            UpdatedBy = user,
        };
        await store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return new SavedCredential(record, Created: existing is null);
    }

    /// <summary>The clear secrets of the credential called <paramref name="name"/>, for an activity about to use them.</summary>
    /// <exception cref="KeyNotFoundException">There is no credential of that name.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The secrets were encrypted with another master key or altered.</exception>
    public async Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(string name, CancellationToken cancellationToken = default) =>
        (await UnlockAsync(name, cancellationToken).ConfigureAwait(false)).Secrets;

    /// <summary>The credential called <paramref name="name"/> with its secrets in clear, for an activity about to sign in with it.</summary>
    /// <exception cref="KeyNotFoundException">There is no credential of that name.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The secrets were encrypted with another master key or altered.</exception>
    public async Task<UnlockedCredential> UnlockAsync(string name, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no credential called '{name}'. An administrator can add it on the Credentials page.");
        return new UnlockedCredential(record.Name, record.Kind, record.Fields, ReadSecrets(record));
    }

    private Dictionary<string, string> ReadSecrets(CredentialRecord record) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(record.ProtectedSecrets, Purpose(record.Name)))
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static string Purpose(string name) => "credential:" + name;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
