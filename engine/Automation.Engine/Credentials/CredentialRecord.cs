using System.Text.Json.Nodes;

namespace Automation.Engine.Credentials;

/// <summary>
/// A named credential as stored: its plain settings (host, user name) in <see cref="Fields"/> and its secrets
/// (password, API key) only as <see cref="ProtectedSecrets"/>, encrypted by an <see cref="ISecretProtector"/>.
/// </summary>
public sealed record CredentialRecord
{
    /// <summary>Unique name workflows refer to (letters, digits, '-', '_' and '.').</summary>
    public required string Name { get; init; }

    /// <summary>What it is for; one of <see cref="CredentialKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Note for people (which system, who owns it).</summary>
    public string? Description { get; init; }

    /// <summary>Settings that are not secret (for example <c>host</c>, <c>port</c>, <c>username</c>).</summary>
    public required JsonObject Fields { get; init; }

    /// <summary>The names of the secrets held (never their values), so that a form can say "password: set".</summary>
    public required IReadOnlyList<string> SecretNames { get; init; }

    /// <summary>The secrets as one encrypted blob.</summary>
    public required byte[] ProtectedSecrets { get; init; }

    /// <summary>When it was first saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last saved it.</summary>
    public string? UpdatedBy { get; init; }
}
