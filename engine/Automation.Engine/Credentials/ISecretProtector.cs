namespace Automation.Engine.Credentials;

/// <summary>Encrypts secrets before they are stored and decrypts them when an activity needs them.</summary>
public interface ISecretProtector
{
    /// <summary>
    /// Encrypts <paramref name="plaintext"/>, binding it to <paramref name="purpose"/> (for example the credential's
    /// name) so that a blob copied onto another record does not decrypt.
    /// </summary>
    byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose);

    /// <summary>Decrypts what <see cref="Protect"/> produced for the same purpose.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The blob was altered, was made for another purpose, or was encrypted with another master key.
    /// </exception>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose);
}
