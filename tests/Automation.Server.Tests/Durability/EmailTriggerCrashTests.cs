using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Server.Tests.Mail;
using Automation.Testing.Mail;

namespace Automation.Server.Tests.Durability;

/// <summary>
/// Kills a real server process (SIGKILL) after an email's instance is persisted and before the email is moved, starts
/// it again, and checks the email starts no second instance and still ends up in the processed folder.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class EmailTriggerCrashTests
{
    private const string AdminKey = "mail-crash-admin-key-0123456789abcdef";
    private string _dataDirectory = "";

    [SetUp]
    public void CreateDataDirectory()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "automation-mail-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
    }

    [TearDown]
    public void DeleteDataDirectory()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task Killing_the_server_between_instance_persisted_and_email_moved_starts_no_second_instance()
    {
        await using var mail = await MailServer.StartAsync();
        var foi = await mail.CreateMailboxAsync("foi");
        var settings = new Dictionary<string, string> { ["Automation__Triggers__RefreshInterval"] = "00:00:00.500" };
        var holding = new Dictionary<string, string>(settings) { ["Automation__Triggers__Email__HoldBeforeMove"] = "true" };
        const string definitionId = "mail-crash";
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        string instanceId;

        await using (var first = await ServerProcess.StartAsync(_dataDirectory, AdminKey, settings: holding))
        {
            using var api = Client(first);
            var saved = await api.PutAsJsonAsync("/api/credentials/foi-inbox", new
            {
                kind = "mailServer",
                fields = new { host = mail.Host, port = mail.ImapPort, security = "none", username = foi.UserName },
                secrets = new { password = foi.Password },
            });
            Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
            var definition = Flows.Flow(definitionId,
                [Flows.Node("mail", "EmailReceived", new JsonObject { ["credential"] = "foi-inbox" }),
                 Flows.Node("note", "SetVariable", new JsonObject { ["variable"] = "subject", ["value"] = Flows.Js("input.subject") })],
                [Flows.Edge("mail", "note")], outputs: ["subject"]);
            Assert.That((int)(await api.PostAsJsonAsync("/api/workflow-definitions", definition)).StatusCode, Is.EqualTo(201));
            Assert.That((int)(await api.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/publish", new { comment = "test" })).StatusCode, Is.EqualTo(200));

            await mail.SendAsync(EmailTriggerMessages.Create("ada@example.test", foi.Address, "FOI request 1", "hello", ("request.pdf", "application/pdf", pdf)));

            var instances = await WaitForAsync(async () => await InstancesAsync(api) is { Count: 1 } list ? list : null, first);
            instanceId = instances[0]!["id"]!.GetValue<string>();
            Assert.That((await mail.ReadMessagesAsync(foi)).Select(m => m.Subject), Is.EqualTo(new[] { "FOI request 1" }),
                "the instance is persisted and the email is still in the inbox: the moment to die");
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(_dataDirectory, AdminKey, settings: settings);
        using var api2 = Client(second);

        var processed = await mail.WaitForMessagesAsync(foi, 1, "Processed", TimeSpan.FromSeconds(60));
        Assert.That(processed.Single().Subject, Is.EqualTo("FOI request 1"));
        Assert.That(await mail.ReadMessagesAsync(foi), Is.Empty);
        var all = await InstancesAsync(api2);
        Assert.That(all.Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { instanceId }), "one instance, the one started before the kill");
        var detail = await api2.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instanceId}");
        Assert.That(detail!["status"]!.GetValue<string>(), Is.EqualTo("finished"), second.Output);
        var document = detail["input"]!["attachments"]![0]!["documentId"]!.GetValue<string>();
        Assert.That(await api2.GetByteArrayAsync($"/api/documents/{document}/content"), Is.EqualTo(pdf));
        var events = await api2.GetFromJsonAsync<JsonArray>($"/api/triggers/{definitionId}:mail/events");
        Assert.That(events!.Select(e => e!["kind"]!.GetValue<string>()), Is.EquivalentTo(new[] { "fired", "duplicate" }));
    }

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    private static async Task<JsonArray> InstancesAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonObject>("/api/workflow-instances?definitionId=mail-crash"))!["items"]!.AsArray();

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, ServerProcess server) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The expected state was not reached within 60 s. Server output:\n{server.Output}");
            await Task.Delay(100);
        }
    }
}
