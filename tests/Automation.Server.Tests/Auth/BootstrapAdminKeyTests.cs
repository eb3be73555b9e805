using System.Text.RegularExpressions;
using Automation.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Server.Tests.Auth;

[TestFixture]
[NonParallelizable] // swaps Console.Out
public sealed partial class BootstrapAdminKeyTests
{
    [Test]
    public async Task A_generated_key_is_printed_once_never_logged_and_only_its_hash_stored()
    {
        var dataDirectory = ServerHarness.NewDataDirectory();
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        string key;
        try
        {
            await using (var server = await ServerHarness.StartAsync(
                new Dictionary<string, string?> { ["Automation:Auth:BootstrapAdminKey"] = null, ["Serilog:MinimumLevel:Default"] = "Information" },
                dataDirectory: dataDirectory))
            {
                var match = PrintedKey().Match(console.ToString());
                Assert.That(match.Success, Is.True, console.ToString());
                key = match.Groups[1].Value;
                using var client = server.Client(key);
                await Http.ReadArrayAsync(await client.GetAsync("/api/api-keys"), 200);

                var keys = await server.Services.GetRequiredService<IApiKeyStore>().ListAsync();
                Assert.That(keys.Single().Name, Is.EqualTo("bootstrap-admin"));
                Assert.That(keys.Single().Roles, Is.EqualTo(new[] { "admin" }));
                Assert.That(keys.Single().KeyHash, Is.Not.EqualTo(key).And.Length.EqualTo(64));
            }

            // A second start on the same SQLite file creates no key and prints nothing.
            console.GetStringBuilder().Clear();
            await using (var again = await ServerHarness.StartAsync(
                new Dictionary<string, string?> { ["Automation:Auth:BootstrapAdminKey"] = null }, dataDirectory: dataDirectory))
            {
                Assert.That(console.ToString(), Does.Not.Contain("FIRST RUN"));
                Assert.That(await again.Services.GetRequiredService<IApiKeyStore>().ListAsync(), Has.Count.EqualTo(1));
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        var logs = Directory.GetFiles(Path.Combine(dataDirectory, "logs"));
        Assert.That(logs, Is.Not.Empty, "the rolling log file is written under DataDirectory/logs");
        foreach (var log in logs)
        {
            var text = await File.ReadAllTextAsync(log);
            Assert.That(text, Does.Contain("bootstrap-admin"));
            Assert.That(text, Does.Not.Contain(key), "the key must never reach the log file");
        }
        Directory.Delete(dataDirectory, recursive: true);
    }

    [GeneratedRegex(@"FIRST RUN[^\n]*\n(?:[^\n]*\n){2}\s+([A-Za-z0-9_-]{43})\s")]
    private static partial Regex PrintedKey();
}
