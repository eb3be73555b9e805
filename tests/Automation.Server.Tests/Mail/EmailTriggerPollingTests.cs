using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Testing;
using Automation.Testing.Mail;
using MimeKit;

namespace Automation.Server.Tests.Mail;

/// <summary>
/// The EmailReceived trigger's polling path, in a real server against a real Dovecot: for a server that offers no IMAP
/// IDLE, and with IDLE turned off (Automation:Triggers:Email:UseIdle); and the trigger watching a mailbox over TLS whose
/// certificate is signed by a council's own authority, trusted through Automation:Mail:TrustedCertificateAuthorities.
/// Dovecot records the IMAP commands the watcher sends, so the tests see that it polled (searched again) and never idled.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class EmailTriggerPollingTests
{
    private MailServer? _mail;
    private ServerHarness? _server;
    private HttpClient? _api;
    private TempDirectory? _files;

    private MailServer Mail => _mail ?? throw new InvalidOperationException("The test started no mail server.");

    [TearDown]
    public async Task StopAsync()
    {
        _api?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_mail is not null) await _mail.DisposeAsync();
        _files?.Dispose();
    }

    [Test]
    public async Task A_server_without_idle_is_polled_each_email_starts_the_workflow_once_and_quiet_polls_keep_it_working()
    {
        var (foi, api) = await StartAsync(new MailServerSetup(Idle: false, RecordImapCommands: true));
        var id = await PublishAsync(api, "foi-inbox", "00:00:01");

        await Mail.SendAsync(EmailTriggerMessages.Create("ada@example.test", foi.Address, "First while polling", "one"));
        await Mail.WaitForMessagesAsync(foi, 1, "Processed", TimeSpan.FromSeconds(60));

        // Let the watcher look at least twice more and find nothing new, then check it still takes the next email.
        var searches = Searches();
        await WaitForAsync(() => Searches() >= searches + 2, "two more polls of the inbox");
        Assert.That(await InstancesAsync(api, id), Has.Count.EqualTo(1), "the first email started one instance, however often the inbox was searched");
        await Mail.SendAsync(EmailTriggerMessages.Create("bob@example.test", foi.Address, "Second after quiet polls", "two"));
        var processed = await Mail.WaitForMessagesAsync(foi, 2, "Processed", TimeSpan.FromSeconds(60));

        Assert.That(processed.Select(m => m.Subject), Is.EquivalentTo(new[] { "First while polling", "Second after quiet polls" }));
        Assert.That(await InstancesAsync(api, id), Has.Count.EqualTo(2));
        var events = await api.GetFromJsonAsync<JsonArray>($"/api/triggers/{id}:mail/events");
        Assert.That(events!.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "fired", "fired" }));
        Assert.That(Commands().Where(IsIdle), Is.Empty, "the server offers no IDLE: the watcher polls");
    }

    [Test]
    public async Task With_idle_turned_off_a_server_that_offers_idle_is_polled()
    {
        var (foi, api) = await StartAsync(new MailServerSetup(RecordImapCommands: true), new Dictionary<string, string?> { ["Automation:Triggers:Email:UseIdle"] = "false" });
        var id = await PublishAsync(api, "foi-inbox", "00:00:01");

        await Mail.SendAsync(EmailTriggerMessages.Create("ada@example.test", foi.Address, "Polled, not pushed", "one"));
        await Mail.WaitForMessagesAsync(foi, 1, "Processed", TimeSpan.FromSeconds(60));
        var searches = Searches();
        await WaitForAsync(() => Searches() >= searches + 1, "another poll of the inbox");

        Assert.That(await InstancesAsync(api, id), Has.Count.EqualTo(1));
        Assert.That(Commands().Where(IsIdle), Is.Empty, "IDLE is turned off: the watcher polls");
    }

    [Test]
    public async Task By_default_a_server_that_offers_idle_is_watched_with_idle()
    {
        // The counterpart of the two tests above: the recorded commands do show IDLE when the watcher uses it.
        var (foi, api) = await StartAsync(new MailServerSetup(RecordImapCommands: true));
        var id = await PublishAsync(api, "foi-inbox", "00:00:30");

        await Mail.SendAsync(EmailTriggerMessages.Create("ada@example.test", foi.Address, "Pushed", "one"));
        await Mail.WaitForMessagesAsync(foi, 1, "Processed", TimeSpan.FromSeconds(60));
        await WaitForAsync(() => Commands().Any(IsIdle), "the watcher to idle");

        Assert.That(await InstancesAsync(api, id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_trigger_watches_a_mailbox_over_tls_signed_by_the_council_CA_named_in_configuration()
    {
        _files = new TempDirectory();
        using var authority = TestCertificateAuthority.Create("Test Council Root CA");
        var caFile = authority.WriteCertificate(_files.Combine("council-ca.pem"));
        var (foi, api) = await StartAsync(new MailServerSetup(authority.IssueServerCertificate(_files.Path, "127.0.0.1")),
            new Dictionary<string, string?> { ["Automation:Mail:TrustedCertificateAuthorities:0"] = caFile }, tls: true);
        var id = await PublishAsync(api, "foi-inbox", "00:00:05");

        await Mail.SendAsync(EmailTriggerMessages.Create("ada@example.test", foi.Address, "Over TLS", "secure"));
        await Mail.WaitForMessagesAsync(foi, 1, "Processed", TimeSpan.FromSeconds(60));

        Assert.That(await InstancesAsync(api, id), Has.Count.EqualTo(1));
        Assert.That(Mail.ReadLog(), Does.Match($"imap-login: Info: Login: user=<{System.Text.RegularExpressions.Regex.Escape(foi.Address)}>.*, TLS,"));
        var events = await api.GetFromJsonAsync<JsonArray>($"/api/triggers/{id}:mail/events");
        Assert.That(events!.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "fired" }), "no certificate error on the way");
    }

    private async Task<(TestMailbox Foi, HttpClient Api)> StartAsync(MailServerSetup setup, Dictionary<string, string?>? settings = null, bool tls = false)
    {
        _mail = await MailServer.StartAsync(setup);
        var foi = await _mail.CreateMailboxAsync("foi");
        var all = new Dictionary<string, string?>(settings ?? []) { ["Automation:Triggers:RefreshInterval"] = "00:00:00.500" };
        _server = await ServerHarness.StartAsync(all);
        _api = _server.Client();
        var saved = await _api.PutAsJsonAsync("/api/credentials/foi-inbox", new
        {
            kind = "mailServer",
            fields = new { host = _mail.Host, port = tls ? _mail.ImapsPort : _mail.ImapPort, security = tls ? "sslOnConnect" : "none", username = foi.UserName },
            secrets = new { password = foi.Password },
        });
        Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
        return (foi, _api);
    }

    private static async Task<string> PublishAsync(HttpClient api, string credential, string pollInterval)
    {
        var id = Flows.NewId("mail-poll");
        var definition = Flows.Flow(id,
            [
                Flows.Node("mail", "EmailReceived", new JsonObject { ["credential"] = credential, ["pollInterval"] = pollInterval }),
                Flows.Node("note", "SetVariable", new JsonObject { ["variable"] = "subject", ["value"] = Flows.Js("input.subject") }),
            ],
            [Flows.Edge("mail", "note")], outputs: ["subject"]);
        var created = await api.PostAsJsonAsync("/api/workflow-definitions", definition);
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var published = await api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" });
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<JsonArray> InstancesAsync(HttpClient api, string definitionId) =>
        (await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}"))!["items"]!.AsArray();

    private IReadOnlyList<string> Commands() => _mail!.ReadImapCommands();

    // The watcher's look at the inbox: "UID SEARCH ... UNDELETED" (the test's own reads search ALL). Dovecot's rawlog
    // lines are "<time> <tag> <command>".
    private int Searches() => Commands().Count(c => c.Contains(" UID SEARCH ", StringComparison.OrdinalIgnoreCase) && c.Contains("UNDELETED", StringComparison.OrdinalIgnoreCase));

    private static bool IsIdle(string command) => command.Split(' ') is [_, _, var verb] && verb.Equals("IDLE", StringComparison.OrdinalIgnoreCase);

    private async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Waited 60 s for {what}. IMAP commands so far:\n{string.Join("\n", Commands())}\nDovecot log:\n{_mail!.ReadLog()}");
            await Task.Delay(100);
        }
    }
}
