using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Automation.Bots.Mail.Accounts;

/// <summary>
/// Checks the certificate of one connection to a mail server for <see cref="MailServerTrust"/>, and remembers why it
/// refused it, so that the handshake's failure can be reported with the reason rather than as a generic TLS error.
/// </summary>
internal sealed class MailCertificateCheck(X509Certificate2Collection authorities, string host)
{
    // Statuses that say only that revocation could not be checked.
    private const X509ChainStatusFlags RevocationUnknown = X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    /// <summary>Why the last certificate was refused (without the server's name); null when it was accepted or not seen.</summary>
    public string? Problem { get; private set; }

    /// <summary>The callback for MailKit's <c>ServerCertificateValidationCallback</c>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Problem = null;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            Problem = "the server sent no certificate";
            return false;
        }
        using var server = new X509Certificate2(certificate);
        // Never accepted, whoever signed it: the host name is what ties the certificate to the server we meant.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            Problem = $"its certificate is for {Names(server)}, not for '{host}' (the credential's host): use the name the certificate gives, or ask for a certificate that includes '{host}'";
            return false;
        }
        if (errors == SslPolicyErrors.None) return true;

        // Chained to the machine's store, and only revocation could not be checked (a list that cannot be fetched): no
        // reason to refuse, as for the configured authorities below. A revoked certificate is refused.
        var systemReasons = Reasons(chain);
        if (systemReasons is null && chain is { ChainStatus.Length: > 0 }) return true;
        var reasons = authorities.Count == 0 ? systemReasons ?? errors.ToString() : BuildWithAuthorities(server, chain);
        if (reasons is null) return true;
        Problem = $"its certificate ({Describe(server)}) is not trusted: {reasons}" + (authorities.Count == 0
            ? $". If the council signs its mail servers' certificates with its own certificate authority, name that authority's certificate (PEM) in {MailSecurityOptions.SectionName}:TrustedCertificateAuthorities"
            : $". It does not chain to the machine's trusted authorities or to those in {MailSecurityOptions.SectionName}:TrustedCertificateAuthorities");
        return false;
    }

    /// <summary>Builds the chain again with the configured authorities as its only roots; null when it builds, else the reasons.</summary>
    private string? BuildWithAuthorities(X509Certificate2 server, X509Chain? sent)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        chain.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromSeconds(10);
        // Private CAs seldom publish revocation lists: a list that cannot be fetched is no reason to refuse, a revoked
        // certificate is.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreEndRevocationUnknown | X509VerificationFlags.IgnoreCertificateAuthorityRevocationUnknown;
        // A server certificate must be meant for servers (extended key usage "server authentication", when it lists any).
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        // Intermediate certificates the server sent help build the chain; they are never trusted as roots.
        if (sent is not null)
            foreach (var element in sent.ChainElements.Skip(1)) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        try
        {
            if (chain.Build(server)) return null;
            return Reasons(chain) ?? "its chain could not be built";
        }
        finally
        {
            foreach (var element in chain.ChainElements) element.Certificate.Dispose();
        }
    }

    private static string? Reasons(X509Chain? chain)
    {
        if (chain is null) return "its chain could not be checked";
        var reasons = chain.ChainStatus
            .Where(s => (s.Status & ~RevocationUnknown) != X509ChainStatusFlags.NoError)
            .Select(s => $"{s.Status} ({s.StatusInformation.Trim()})")
            .Distinct()
            .ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static string Describe(X509Certificate2 certificate) =>
        $"subject '{certificate.Subject}', issued by '{certificate.Issuer}', valid {certificate.NotBefore:yyyy-MM-dd} to {certificate.NotAfter:yyyy-MM-dd}";

    private static string Names(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames());
            names.AddRange(extension.EnumerateIPAddresses().Select(a => a.ToString()));
        }
        if (names.Count == 0) names.Add(certificate.GetNameInfo(X509NameType.SimpleName, false));
        return string.Join(", ", names.Distinct().Select(n => $"'{n}'"));
    }
}
