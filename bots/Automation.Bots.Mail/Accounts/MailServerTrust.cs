using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using Microsoft.Extensions.Logging;

namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// Which mail server certificates to trust: the machine's trusted store, plus the certificate authorities named in
/// <see cref="MailSecurityOptions.TrustedCertificateAuthorities"/>. One instance per host (registered by
/// <see cref="MailServiceCollectionExtensions.AddMailServerTrust"/>), used for every SMTP and IMAP connection.
/// A certificate for another host name is refused whoever signed it; there is no "accept any certificate" switch.
/// </summary>
public sealed class MailServerTrust
{
    private readonly X509Certificate2Collection _authorities;

    private MailServerTrust(X509Certificate2Collection authorities) => _authorities = authorities;

    /// <summary>Trusts the machine's store only (MailKit's own behaviour); for hosts without mail settings.</summary>
    public static MailServerTrust SystemOnly { get; } = new([]);

    /// <summary>How many extra certificate authorities are trusted.</summary>
    public int AuthorityCount => _authorities.Count;

    /// <summary>Reads the certificate authorities named in <paramref name="options"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="logger">Told which authorities are trusted, at start.</param>
    /// <exception cref="InvalidOperationException">A file is missing, unreadable, or holds no PEM certificate.</exception>
    public static MailServerTrust Create(MailSecurityOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authorities = new X509Certificate2Collection();
        const string setting = MailSecurityOptions.SectionName + ":TrustedCertificateAuthorities";
        foreach (var path in options.TrustedCertificateAuthorities.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()))
        {
            var file = new X509Certificate2Collection();
            try
            {
                file.ImportFromPemFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new InvalidOperationException($"{setting}: cannot read the certificate authority file '{path}': {e.Message}", e);
            }
            if (file.Count == 0)
                throw new InvalidOperationException($"{setting}: '{path}' holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----).");
            foreach (var certificate in file)
            {
                logger?.LogInformation("Mail: trusting the certificate authority '{Subject}' (thumbprint {Thumbprint}, until {NotAfter:yyyy-MM-dd}) from {Path} for mail servers",
                    certificate.Subject, certificate.Thumbprint, certificate.NotAfter, path);
                authorities.Add(certificate);
            }
        }
        return new MailServerTrust(authorities);
    }

    /// <summary>
    /// Makes <paramref name="client"/> check the certificate of server <paramref name="host"/> against this trust, and returns the check, whose
    /// <see cref="MailCertificateCheck.Problem"/> says why a certificate was refused.
    /// </summary>
    internal MailCertificateCheck Apply(IMailService client, string host)
    {
        var check = new MailCertificateCheck(_authorities, host);
        client.ServerCertificateValidationCallback = check.Validate;
        return check;
    }
}
