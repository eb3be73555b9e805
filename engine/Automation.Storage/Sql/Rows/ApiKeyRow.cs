using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>api_keys</c>; roles are a JSON array.</summary>
internal sealed class ApiKeyRow
{
    public const string Columns = """
        id AS Id, name AS Name, key_hash AS KeyHash, roles AS Roles, created_at AS CreatedAt, revoked_at AS RevokedAt
        """;

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public string Roles { get; set; } = "[]";
    public long CreatedAt { get; set; }
    public long? RevokedAt { get; set; }

    public ApiKeyRecord ToModel() => new()
    {
        Id = Id,
        Name = Name,
        KeyHash = KeyHash,
        Roles = StoredJson.Read<string[]>(Roles),
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        RevokedAt = StoreTime.FromUnixMs(RevokedAt),
    };
}
