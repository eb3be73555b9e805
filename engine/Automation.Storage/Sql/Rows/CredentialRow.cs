using System.Text.Json.Nodes;
using Automation.Engine.Credentials;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>credentials</c>: fields and secret names as JSON, the secrets as an encrypted blob.</summary>
internal sealed class CredentialRow
{
    public const string Columns = """
        name AS Name, kind AS Kind, description AS Description, fields AS Fields, secret_names AS SecretNames,
        protected_secrets AS ProtectedSecrets, created_at AS CreatedAt, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Description { get; set; }
    public string Fields { get; set; } = "{}";
    public string SecretNames { get; set; } = "[]";
    public byte[] ProtectedSecrets { get; set; } = [];
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public CredentialRecord ToModel() => new()
    {
        Name = Name,
        Kind = Kind,
        Description = Description,
        Fields = JsonNode.Parse(Fields)?.AsObject() ?? [],
        SecretNames = StoredJson.Read<string[]>(SecretNames),
        ProtectedSecrets = ProtectedSecrets,
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedAt),
        UpdatedBy = UpdatedBy,
    };
}
