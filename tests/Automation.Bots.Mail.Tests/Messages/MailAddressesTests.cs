using Automation.Bots.Mail.Messages;

namespace Automation.Bots.Mail.Tests.Messages;

public class MailAddressesTests
{
    [Test]
    public void Reads_plain_named_and_listed_addresses()
    {
        var list = MailAddresses.Parse(["ada@council.gov.uk", "\"Lovelace, Ada\" <ada.l@council.gov.uk>", "a@x.test, b@x.test; c@x.test"], "to");

        Assert.That(list.Select(m => m.Address), Is.EqualTo(new[] { "ada@council.gov.uk", "ada.l@council.gov.uk", "a@x.test", "b@x.test", "c@x.test" }));
        Assert.That(list[1].Name, Is.EqualTo("Lovelace, Ada"));
    }

    [TestCase("ada")]
    [TestCase("ada@localhost")]
    [TestCase("ada@@council.gov.uk")]
    [TestCase("<>")]
    public void Refuses_what_is_not_an_address_naming_the_input(string value)
    {
        var error = Assert.Throws<FormatException>(() => MailAddresses.Parse([value], "cc"))!;

        Assert.That(error.Message, Does.StartWith($"Input 'cc': '{value}' is not an email address"));
    }
}
