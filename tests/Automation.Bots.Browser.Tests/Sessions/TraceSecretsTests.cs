using System.IO.Compression;
using System.Text;
using Automation.Bots.Browser.Sessions;

namespace Automation.Bots.Browser.Tests.Sessions;

/// <summary>The last guard before a trace is kept: a secret in any entry, as typed, JSON-escaped or form-encoded, is found.</summary>
public class TraceSecretsTests
{
    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }

        return memory.ToArray();
    }

    [TestCase("""{"method":"fill","params":{"value":"p\"w d&1é!"}}""", TestName = "A secret JSON-escaped in the actions is found")]
    [TestCase("user=ap&password=p%22w%20d%261%C3%A9%21", TestName = "A secret percent-encoded in a form post is found")]
    [TestCase("user=ap&password=p%22w+d%261%C3%A9%21", TestName = "A secret form-encoded with plus for space is found")]
    public void A_secret_in_any_entry_is_found(string text) =>
        Assert.That(TraceSecrets.Holds(Zip(("trace.trace", "{}"), ("resources/post.dat", text)), ["p\"w d&1é!"]), Is.True);

    [Test]
    public void A_trace_without_the_secret_is_clean_and_an_unreadable_one_is_not()
    {
        Assert.That(TraceSecrets.Holds(Zip(("trace.trace", """{"method":"click","params":{"selector":"#approve"}}""")), ["Tr4ce-S3cret"]), Is.False);
        Assert.That(TraceSecrets.Holds("not a zip"u8.ToArray(), ["Tr4ce-S3cret"]), Is.True);
    }
}
