using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Automation.Testing.Mail;

/// <summary>
/// A certificate authority made at test time, as a council's own CA: it signs server certificates for the test mail
/// servers (<see cref="IssueServerCertificate"/>) and writes its own certificate as PEM for the trust settings. Keys are
/// ECDSA P-256, made in memory (no openssl needed).
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly ECDsa _key;

    private TestCertificateAuthority(string name, ECDsa key, X509Certificate2 certificate)
    {
        Name = name;
        _key = key;
        Certificate = certificate;
    }

    /// <summary>The authority's common name.</summary>
    public string Name { get; }

    /// <summary>The authority's certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The authority's certificate as PEM text.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>Makes a new authority called <paramref name="name"/>, valid from yesterday for a year.</summary>
    public static TestCertificateAuthority Create(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Test Council", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var withKey = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return new TestCertificateAuthority(name, key, X509CertificateLoader.LoadCertificate(withKey.RawData));
    }

    /// <summary>Writes the authority's certificate to <paramref name="path"/> as PEM and returns the path.</summary>
    public string WriteCertificate(string path)
    {
        File.WriteAllText(path, CertificatePem);
        return path;
    }

    /// <summary>
    /// Issues a server certificate for <paramref name="names"/> (host names and IP addresses, in the subject alternative
    /// name; the first is also the common name) and writes it and its key as PEM files into <paramref name="folder"/>.
    /// </summary>
    /// <returns>The paths of the certificate and key files, as Dovecot's <c>ssl_cert</c> and <c>ssl_key</c> take them.</returns>
    public (string CertificatePath, string KeyPath) IssueServerCertificate(string folder, params string[] names)
    {
        ArgumentOutOfRangeException.ThrowIfZero(names.Length);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var alternative = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address)) alternative.AddIpAddress(address);
            else alternative.AddDnsName(name);
        }
        request.CertificateExtensions.Add(alternative.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issuer = Certificate.CopyWithPrivateKey(_key);
        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90), serial);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, names[0].Replace(':', '_'));
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return (stem + ".crt", stem + ".key");
    }

    /// <summary>Forgets the authority's key.</summary>
    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }
}
