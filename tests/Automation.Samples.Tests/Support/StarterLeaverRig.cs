using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Credentials;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Automation.Testing.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samples.Bots.People;
using Samples.PeoplePortal;

namespace Automation.Samples.Tests.Support;

/// <summary>
/// Everything the starter/leaver bot works with, real and on 127.0.0.1: the people portal (its staff addresses on the
/// test mail server's domain), a Dovecot/OpenSMTPD mail server with a mailbox for the bot and for each seeded manager
/// who has an address (9001–9005), the credentials in a vault, Chromium, and an in-memory work queue.
/// </summary>
public sealed class StarterLeaverRig : IAsyncDisposable
{
    public const string PortalCredential = "peoplenet-bot";
    public const string MailCredential = "hr-mail";

    /// <summary>The seeded managers with an address, by employee number, with their portal user names (their mailboxes' local parts).</summary>
    public static readonly IReadOnlyDictionary<string, string> ManagersWithMail = new Dictionary<string, string>
    {
        ["9001"] = "mokafor", ["9002"] = "dpryce", ["9003"] = "srao", ["9004"] = "gllewellyn", ["9005"] = "fmacleod",
    };

    private StarterLeaverRig(RunningApp portal, MailServer mail, TestMailbox robot, Dictionary<string, TestMailbox> managers, CredentialVault vault, BrowserPool browsers)
    {
        Portal = portal;
        Mail = mail;
        Robot = robot;
        Managers = managers;
        Vault = vault;
        Browsers = browsers;
    }

    public RunningApp Portal { get; }
    public MailServer Mail { get; }
    public TestMailbox Robot { get; }
    public IReadOnlyDictionary<string, TestMailbox> Managers { get; }
    public CredentialVault Vault { get; }
    public BrowserPool Browsers { get; }
    public InMemoryWorkQueueStore Queues { get; } = new();

    /// <summary>The bot's settings as a host would give them (the default groups and licences).</summary>
    public JsonObject Settings => new()
    {
        ["baseUrl"] = Portal.Address.ToString(),
        ["credential"] = PortalCredential,
        ["mailCredential"] = MailCredential,
        ["from"] = $"\"HR robot\" <{Robot.Address}>",
    };

    public static async Task<StarterLeaverRig> StartAsync(bool restyle = false)
    {
        var mail = await MailServer.StartAsync();
        var portal = await RunningApp.StartAsync(PortalApp.Create, PortalApp.Section,
            new Dictionary<string, string> { ["Restyle"] = restyle ? "true" : "false", ["MailDomain"] = mail.Domain });
        var robot = await mail.CreateMailboxAsync("hr-robot");
        var managers = new Dictionary<string, TestMailbox>();
        foreach (var (number, user) in ManagersWithMail) managers[number] = await mail.CreateMailboxAsync(user);

        var vault = new CredentialVault(new InMemoryCredentialStore(), new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);
        var browsers = new BrowserPool(Options.Create(new BrowserOptions { AllowedHosts = ["127.0.0.1"] }), NullLogger<BrowserPool>.Instance);
        var rig = new StarterLeaverRig(portal, mail, robot, managers, vault, browsers);
        await rig.SaveCredentialsAsync(vault);
        return rig;
    }

    /// <summary>Stores the bot's two credentials (the portal sign-on and the mail account) in <paramref name="vault"/>.</summary>
    public async Task SaveCredentialsAsync(CredentialVault vault)
    {
        await vault.SaveAsync(new CredentialInput(PortalCredential, CredentialKinds.UsernamePassword.Name, null,
            new JsonObject { ["username"] = RunningApp.User }, new Dictionary<string, string?> { ["password"] = RunningApp.Password }), "test");
        await vault.SaveAsync(new CredentialInput(MailCredential, CredentialKinds.MailServer.Name, null,
            new JsonObject { ["host"] = Mail.Host, ["port"] = Mail.SubmissionPort, ["security"] = "none", ["username"] = Robot.UserName },
            new Dictionary<string, string?> { ["password"] = Robot.Password }), "test");
    }

    /// <summary>Creates a queue and adds one item per record (reference <c>{WorkerID}-{start|leave}</c> unless <paramref name="reference"/> says otherwise).</summary>
    public async Task<string> QueueAsync(string name, IEnumerable<JsonObject> records, Func<JsonObject, int, string?>? reference = null)
    {
        await Queues.SaveQueueAsync(new WorkQueue { Name = name, MaxAttempts = 1 }, DateTimeOffset.UtcNow);
        var items = records.Select((r, i) => new NewQueueItem { Reference = reference is null ? DefaultReference(r) : reference(r, i), Data = r }).ToList();
        await Queues.AddItemsAsync(name, items, "test", DateTimeOffset.UtcNow);
        return name;
    }

    /// <summary>Runs the bot host with <paramref name="workers"/> workers of the bot over the queue until every item has settled; returns them.</summary>
    public async Task<IReadOnlyList<QueueItem>> RunAsync(string queue, int workers = 2, JsonObject? settings = null) =>
        (await new BotRun(Queues, Browsers, Vault).RunAsync(queue, new StarterLeaverBot(), settings ?? Settings, workers)).Items;

    /// <summary>Every account in the portal, by employee number (from its /testing API).</summary>
    public async Task<Dictionary<string, JsonElement>> UsersAsync()
    {
        using var http = Portal.TestingClient();
        return JsonDocument.Parse(await http.GetStringAsync("testing/users")).RootElement.EnumerateArray()
            .ToDictionary(u => u.GetProperty("employeeNumber").GetString()!, u => u.Clone());
    }

    private static string? DefaultReference(JsonObject record) =>
        record["WorkerID"]?.ToString() is { Length: > 0 } id
            ? $"{id}-{(record["WorkerStatus"]?.ToString() == "Inactive" || record["LeaveDate"] is not null ? "leave" : "start")}"
            : null;

    public async ValueTask DisposeAsync()
    {
        await Browsers.DisposeAsync();
        await Portal.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
