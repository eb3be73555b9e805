using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Automation.Server.Auth;

/// <summary>Makes and hashes API keys. Keys are stored only as their hash.</summary>
public static class ApiKeys
{
    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>A new random key: 32 bytes, base64url without padding (43 characters).</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of the key's UTF-8 bytes, as <c>IApiKeyStore</c> stores it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key id.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
