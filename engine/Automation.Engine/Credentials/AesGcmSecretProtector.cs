using System.Security.Cryptography;
using System.Text;

namespace Automation.Engine.Credentials;

/// <summary>
/// AES-256-GCM with one master key: each blob is <c>version (1) | nonce (12) | tag (16) | ciphertext</c>, and the
/// purpose is authenticated as associated data. Authenticated encryption, so a tampered blob fails to decrypt rather
/// than yielding garbage.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    /// <summary>Length of the master key in bytes (AES-256).</summary>
    public const int KeyLength = 32;

    private const byte Version = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength + TagLength;
    private readonly byte[] _key;

    /// <summary>Uses <paramref name="masterKey"/>, which must be <see cref="KeyLength"/> random bytes.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public AesGcmSecretProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != KeyLength)
            throw new ArgumentException($"The master key must be {KeyLength} bytes (256 bits); it is {masterKey.Length}.", nameof(masterKey));
        _key = (byte[])masterKey.Clone();
    }

    /// <summary>A new random master key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);

    /// <inheritdoc />
    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        var blob = new byte[HeaderLength + plaintext.Length];
        blob[0] = Version;
        var nonce = blob.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(HeaderLength), blob.AsSpan(1 + NonceLength, TagLength), Encoding.UTF8.GetBytes(purpose));
        return blob;
    }

    /// <inheritdoc />
    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        if (protectedData.Length < HeaderLength || protectedData[0] != Version)
            throw new CryptographicException("The protected secret is not in a format this server writes.");
        var plaintext = new byte[protectedData.Length - HeaderLength];
        using var aes = new AesGcm(_key, TagLength);
        aes.Decrypt(protectedData.Slice(1, NonceLength), protectedData[HeaderLength..], protectedData.Slice(1 + NonceLength, TagLength),
            plaintext, Encoding.UTF8.GetBytes(purpose));
        return plaintext;
    }
}
