using MimeKit;

namespace Automation.Bots.Mail.Messages;

/// <summary>Reads the address inputs of mail activities, naming the input and the text that is not an address.</summary>
public static class MailAddresses
{
    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict, AllowAddressesWithoutDomain = false };

    /// <summary>
    /// The mailboxes in <paramref name="values"/>; each value may hold one address (<c>ada@council.gov.uk</c>,
    /// <c>"Ada Lovelace" &lt;ada@council.gov.uk&gt;</c>) or several separated by commas or semicolons.
    /// </summary>
    /// <param name="values">The input's values (null or empty values are skipped).</param>
    /// <param name="input">The input's name, for the error.</param>
    /// <exception cref="FormatException">A value is not a list of email addresses; the message names the input and the value.</exception>
    public static IReadOnlyList<MailboxAddress> Parse(IEnumerable<string?>? values, string input)
    {
        var result = new List<MailboxAddress>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!InternetAddressList.TryParse(Strict, value.Replace(';', ','), out var list) || list.Count == 0)
                throw Invalid(input, value);
            foreach (var mailbox in Flatten(list))
            {
                var at = mailbox.Address.LastIndexOf('@');
                if (at <= 0 || at == mailbox.Address.Length - 1 || !mailbox.Address[(at + 1)..].Contains('.'))
                    throw Invalid(input, value);
                result.Add(mailbox);
            }
        }
        return result;
    }

    /// <summary>The one mailbox in <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">It is not exactly one email address; the message names the input.</exception>
    public static MailboxAddress ParseOne(string value, string input)
    {
        var list = Parse([value], input);
        return list.Count == 1 ? list[0] : throw new FormatException($"Input '{input}': give one email address, not {list.Count}.");
    }

    /// <summary>True when <paramref name="value"/> is one email address.</summary>
    public static bool IsAddress(string? value)
    {
        try
        {
            return value is not null && Parse([value], "value").Count == 1;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IEnumerable<MailboxAddress> Flatten(InternetAddressList list) =>
        list.SelectMany(address => address switch
        {
            MailboxAddress mailbox => [mailbox],
            GroupAddress group => Flatten(group.Members),
            _ => Enumerable.Empty<MailboxAddress>(),
        });

    private static FormatException Invalid(string input, string value) =>
        new($"Input '{input}': '{Shorten(value)}' is not an email address (for example ada@council.gov.uk or \"Ada Lovelace\" <ada@council.gov.uk>).");

    private static string Shorten(string value) => value.Length > 80 ? value[..77] + "..." : value;
}
