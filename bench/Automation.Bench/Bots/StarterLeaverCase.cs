using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Csv;
using Automation.Engine.Queues;
using Automation.Testing.Mail;
using Samples.Bots.People;
using Samples.PeoplePortal;

namespace Automation.Bench.Bots;

/// <summary>
/// The starter/leaver bot against PeopleNet (samples/PeoplePortal, fresh database, in this process), sending each
/// manager's notice through a real mail server on 127.0.0.1 (the test suite's Dovecot + shared OpenSMTPD,
/// <see cref="MailServer"/>; the bot signs in to Dovecot's submission port). Items are starters: rows of the Entra
/// inbound-provisioning sample export (samples/hr-feed/csv-with-1000-records.csv), each employee number used once in
/// the run so that every item creates an account, managed in turn by the seeded managers who have a mailbox.
/// </summary>
internal sealed class StarterLeaverCase : BotBenchCase
{
    private const string PortalCredential = "peoplenet-bot";
    private const string MailCredential = "hr-mail";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SampleApp _portal;
    private readonly MailServer _mail;
    private readonly TestMailbox _robot;
    private readonly Dictionary<string, TestMailbox> _managers;
    private readonly Queue<JsonObject> _records;
    private readonly Dictionary<string, int> _noticesSent = [];
    private int _next;

    private StarterLeaverCase(SampleApp portal, MailServer mail, TestMailbox robot, Dictionary<string, TestMailbox> managers, Queue<JsonObject> records)
    {
        _portal = portal;
        _mail = mail;
        _robot = robot;
        _managers = managers;
        _records = records;
    }

    public override IQueueBot Bot { get; } = new StarterLeaverBot();

    public override string ItemIs => "one starter: employee number looked up, account created (name, title, department, manager, start date, licence, groups by role), manager emailed";

    public override string Target => $"PeopleNet (samples/PeoplePortal) in this process at {_portal.Address}; mail through Dovecot submission 127.0.0.1:{_mail.SubmissionPort} relayed by OpenSMTPD";

    public override JsonObject Settings => new()
    {
        ["baseUrl"] = _portal.Address.ToString(), ["credential"] = PortalCredential, ["mailCredential"] = MailCredential, ["from"] = $"\"HR robot\" <{_robot.Address}>",
    };

    public static async Task<StarterLeaverCase> StartAsync()
    {
        var mail = await MailServer.StartAsync().ConfigureAwait(false);
        SampleApp? portal = null;
        try
        {
            portal = await SampleApp.StartAsync(PortalApp.Create, PortalApp.Section, new Dictionary<string, string> { ["MailDomain"] = mail.Domain }).ConfigureAwait(false);
            var robot = await mail.CreateMailboxAsync("hr-robot").ConfigureAwait(false);
            using var http = portal.TestingClient();
            var staff = (await http.GetFromJsonAsync<List<Staff>>("testing/users", Json).ConfigureAwait(false))!;
            // A mailbox for every seeded manager with an address, so that every notice is delivered and can be counted.
            var managers = new Dictionary<string, TestMailbox>();
            foreach (var s in staff.Where(s => s.Email is { Length: > 0 }).OrderBy(s => s.EmployeeNumber, StringComparer.Ordinal))
                managers[s.EmployeeNumber] = await mail.CreateMailboxAsync(s.Email![..s.Email!.IndexOf('@', StringComparison.Ordinal)]).ConfigureAwait(false);
            var taken = staff.Select(s => s.EmployeeNumber).ToHashSet();
            var file = Path.Combine(AppContext.BaseDirectory, "hr-feed", "csv-with-1000-records.csv");
            var rows = CsvText.Parse(await File.ReadAllTextAsync(file).ConfigureAwait(false));
            var header = rows[0].Select(h => h.Trim()).ToList();
            var records = rows.Skip(1).Where(r => r.Count == header.Count)
                .Select(r =>
                {
                    var o = new JsonObject();
                    for (var i = 0; i < header.Count; i++) o[header[i]] = r[i].Trim();
                    return o;
                })
                .DistinctBy(r => r["WorkerID"]!.ToString())
                .Where(r => !taken.Contains(r["WorkerID"]!.ToString()));
            return new StarterLeaverCase(portal, mail, robot, managers, new Queue<JsonObject>(records));
        }
        catch
        {
            if (portal is not null) await portal.DisposeAsync().ConfigureAwait(false);
            await mail.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task SaveCredentialsAsync(CredentialVault vault)
    {
        await vault.SaveAsync(new CredentialInput(PortalCredential, CredentialKinds.UsernamePassword.Name, null,
            new JsonObject { ["username"] = SampleApp.User }, new Dictionary<string, string?> { ["password"] = SampleApp.Password }), "bench").ConfigureAwait(false);
        await vault.SaveAsync(new CredentialInput(MailCredential, CredentialKinds.MailServer.Name, null,
            new JsonObject { ["host"] = _mail.Host, ["port"] = _mail.SubmissionPort, ["security"] = "none", ["username"] = _robot.UserName },
            new Dictionary<string, string?> { ["password"] = _robot.Password }), "bench").ConfigureAwait(false);
    }

    public override Task<IReadOnlyList<NewQueueItem>> ItemsAsync(int count, string batch)
    {
        if (_records.Count < count) throw new InvalidOperationException($"The HR sample file has only {_records.Count} unused employee numbers left; ask for fewer items.");
        var managers = _managers.Keys.ToList();
        var items = new List<NewQueueItem>();
        for (var n = 0; n < count; n++)
        {
            var record = _records.Dequeue();
            record["WorkerStatus"] = "Active";
            record["ManagerID"] = managers[_next++ % managers.Count];
            items.Add(new NewQueueItem { Reference = $"{record["WorkerID"]}-start", Data = record });
        }

        return Task.FromResult<IReadOnlyList<NewQueueItem>>(items);
    }

    public override async Task<BotCheck> CheckAsync(IReadOnlyList<QueueItem> successful)
    {
        using var http = _portal.TestingClient();
        var users = (await http.GetFromJsonAsync<List<Staff>>("testing/users", Json).ConfigureAwait(false))!.ToDictionary(u => u.EmployeeNumber);
        var problems = new List<string>();
        foreach (var item in successful)
        {
            var number = item.Data["WorkerID"]!.ToString();
            var manager = item.Data["ManagerID"]!.ToString();
            if (item.Output?["action"]?.ToString() != StarterLeaverBot.Created) problems.Add($"{item.Reference}: output action is {item.Output?["action"]}, not created");
            else if (!users.TryGetValue(number, out var user) || user.Status != "Active" || user.ManagerNumber != manager
                     || user.FirstName != item.Data["FirstName"]!.ToString() || user.LastName != item.Data["LastName"]!.ToString())
                problems.Add($"{item.Reference}: the portal holds {(users.TryGetValue(number, out var u) ? $"{u.FirstName} {u.LastName}, {u.Status}, manager {u.ManagerNumber}" : "no account")}");
            else if (item.Output?["notified"]?.GetValue<bool>() != true) problems.Add($"{item.Reference}: manager not notified ({item.Output?["notification"]})");
            else _noticesSent[manager] = _noticesSent.GetValueOrDefault(manager) + 1;
        }

        var right = successful.Count - problems.Count;
        // Each notice must have reached its manager's mailbox (delivery is asynchronous: wait a little).
        foreach (var (manager, sent) in _noticesSent)
        {
            try
            {
                await _mail.WaitForMessagesAsync(_managers[manager], sent, timeout: TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                problems.Add($"manager {manager}: fewer than {sent} notices arrived");
            }
        }

        return new BotCheck(right, problems);
    }

    public override async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync().ConfigureAwait(false);
        await _mail.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record Staff(string EmployeeNumber, string FirstName, string LastName, string? ManagerNumber, string Status, string? Email);
}
