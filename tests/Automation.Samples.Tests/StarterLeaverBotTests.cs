using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Queues;
using Automation.Samples.Tests.Support;
using Automation.Testing.Mail;
using Samples.Bots.People;

namespace Automation.Samples.Tests;

/// <summary>
/// The starter/leaver bot against the real people portal in real Chromium, with real mail (Dovecot/OpenSMTPD): what it
/// keyed is read back through the portal's /testing API, and the managers' notices from their mailboxes. The fifty
/// records run through the whole server's bot host; the smaller cases through the same bot host over an in-memory queue.
/// </summary>
public sealed class StarterLeaverBotTests
{
    private static readonly string[] Managers = ["9001", "9002", "9003", "9004", "9005", "9006"];
    private const string LeaveDate = "2026-12-31";

    // 40 distinct people from the 1000-row corpus file as starters (managed in turn by the six seeded managers), and 10
    // of them leaving later: the same record, Inactive, with a leave date.
    private static (List<JsonObject> Starters, List<JsonObject> Leavers) FiftyRecords()
    {
        var starters = HrFeed.Records("csv-with-1000-records.csv").DistinctBy(r => r["WorkerID"]!.ToString()).Take(40).ToList();
        for (var i = 0; i < starters.Count; i++)
        {
            starters[i]["WorkerStatus"] = "Active";
            starters[i]["ManagerID"] = Managers[i % Managers.Length];
        }
        var leavers = starters.Where((_, i) => i % 4 == 1).Select(r =>
        {
            var leaver = r.DeepClone().AsObject();
            leaver["WorkerStatus"] = "Inactive";
            leaver["LeaveDate"] = LeaveDate;
            return leaver;
        }).ToList();
        return (starters, leavers);
    }

    private static HashSet<string> ExpectedGroups(JsonObject record)
    {
        // Read straight from the shipped map (data), not through the bot's code.
        var map = StarterLeaverSettings.DefaultGroupsByRole;
        var groups = new HashSet<string>(map["everyone"]!.AsArray().Select(g => g!.GetValue<string>()));
        foreach (var (part, field) in new[] { ("departments", "Department"), ("jobTitles", "JobTitle"), ("workerTypes", "WorkerType") })
            if (map[part]![record[field]!.GetValue<string>()] is JsonArray extra) groups.UnionWith(extra.Select(g => g!.GetValue<string>()));
        return groups;
    }

    private static string Licence(JsonObject record) => StarterLeaverSettings.DefaultLicenceByWorkerType[record["WorkerType"]!.GetValue<string>()]!.GetValue<string>();

    private static string S(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? "" : e.GetProperty(name).GetString()!;

    [Test]
    public async Task Fifty_starters_and_leavers_are_keyed_with_their_groups_each_manager_is_told_and_a_rerun_changes_nothing()
    {
        await using var rig = await StarterLeaverRig.StartAsync();
        await using var host = await BotHostServer.StartAsync(rig, workers: 2);
        var (starters, leavers) = FiftyRecords();
        Assert.That(ExpectedGroups(starters[0]), Has.Count.GreaterThan(1), "the corpus rows do get role groups");

        // The real bot host works the queue. Items added together are taken in no set order; leavers come on a later
        // day, after their starters.
        var results = (await host.RunAsync(starters.Select(r => ($"{r["WorkerID"]}-start", r))))
            .Concat(await host.RunAsync(leavers.Select(r => ($"{r["WorkerID"]}-leave", r)))).ToList();

        Assert.That(SettledQueue.NotSuccessful(results), Is.Empty);
        Assert.That(results, Has.Count.EqualTo(50));
        var users = await rig.UsersAsync();
        Assert.That(users, Has.Count.EqualTo(6 + 40), "the seeded staff and one account per starter");
        var leaving = leavers.Select(l => l["WorkerID"]!.GetValue<string>()).ToHashSet();
        Assert.Multiple(() =>
        {
            foreach (var record in starters)
            {
                var id = record["WorkerID"]!.GetValue<string>();
                var u = users[id];
                Assert.That(S(u, "firstName"), Is.EqualTo(record["FirstName"]!.GetValue<string>()), id);
                Assert.That(S(u, "lastName"), Is.EqualTo(record["LastName"]!.GetValue<string>()), id);
                Assert.That(S(u, "jobTitle"), Is.EqualTo(record["JobTitle"]!.GetValue<string>()), id);
                Assert.That(S(u, "department"), Is.EqualTo(record["Department"]!.GetValue<string>()), id);
                Assert.That(S(u, "managerNumber"), Is.EqualTo(record["ManagerID"]!.GetValue<string>()), id);
                Assert.That(S(u, "startDate"), Is.EqualTo(record["HireDate"]!.GetValue<string>()), id);
                Assert.That(S(u, "licence"), Is.EqualTo(Licence(record)), id);
                Assert.That(u.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!), Is.EquivalentTo(ExpectedGroups(record)), id);
                Assert.That(S(u, "status"), Is.EqualTo(leaving.Contains(id) ? "Disabled" : "Active"), id);
                Assert.That(S(u, "leaveDate"), Is.EqualTo(leaving.Contains(id) ? LeaveDate : ""), id);
                var created = results.Single(r => r.Reference == $"{id}-start").Output!;
                Assert.That(created["action"]!.GetValue<string>(), Is.EqualTo("created"), id);
                Assert.That(created["userId"]!.GetValue<string>(), Is.EqualTo(S(u, "userName")), id);
            }
            foreach (var id in leaving)
                Assert.That(results.Single(r => r.Reference == $"{id}-leave").Output!["action"]!.GetValue<string>(), Is.EqualTo("disabled"), id);
        });

        // Every manager with an address got one notice per starter and per leaver of theirs; 9006 has none, which the output says.
        var all = starters.Concat(leavers).ToList();
        foreach (var (number, mailbox) in rig.Managers)
        {
            var expected = all.Where(r => r["ManagerID"]!.GetValue<string>() == number)
                .Select(r => $"({r["WorkerID"]}) {(r["WorkerStatus"]!.GetValue<string>() == "Active" ? "starts" : "account disabled")}").ToList();
            var messages = await rig.Mail.WaitForMessagesAsync(mailbox, expected.Count);
            Assert.That(messages.Select(m => m.Subject).ToList(), Has.Count.EqualTo(expected.Count), $"{number}: {string.Join(" | ", messages.Select(m => m.Subject))}");
            foreach (var subject in expected) Assert.That(messages.Select(m => m.Subject), Has.Some.Contains(subject), number);
            Assert.That(messages.All(m => m.From.Mailboxes.Single().Address == rig.Robot.Address), Is.True);
        }
        var unmailable = results.Where(r => r.Data["ManagerID"]!.GetValue<string>() == "9006").ToList();
        Assert.That(unmailable, Is.Not.Empty);
        Assert.That(unmailable.All(r => r.Output!["notified"]!.GetValue<bool>() == false
            && r.Output["notification"]!.GetValue<string>().Contains("9006 (Tom Ashworth) has no email address", StringComparison.Ordinal)), Is.True);
        Assert.That(results.Where(r => r.Data["ManagerID"]!.GetValue<string>() != "9006").All(r => r.Output!["notified"]!.GetValue<bool>()), Is.True);

        // Every record again (as a re-sent feed would bring them): nothing keyed twice, nobody told twice.
        var rerun = (await host.RunAsync(starters.Select(r => ($"{r["WorkerID"]}-start-again", r.DeepClone().AsObject()))))
            .Concat(await host.RunAsync(leavers.Select(r => ($"{r["WorkerID"]}-leave-again", r.DeepClone().AsObject())))).ToList();

        Assert.That(SettledQueue.NotSuccessful(rerun), Is.Empty);
        Assert.That(rerun.Select(r => r.Output!["action"]!.GetValue<string>()), Is.All.EqualTo("alreadyDone"));
        Assert.That(rerun.Select(r => r.Output!["notified"]!.GetValue<bool>()), Is.All.False);
        var after = await rig.UsersAsync();
        Assert.That(after, Has.Count.EqualTo(46));
        Assert.That(after.Values.Select(u => S(u, "status") + S(u, "leaveDate") + S(u, "userName")), Is.EquivalentTo(users.Values.Select(u => S(u, "status") + S(u, "leaveDate") + S(u, "userName"))));
    }

    [Test]
    public async Task Bad_records_fail_as_business_exceptions_with_their_codes_and_nothing_is_keyed_for_them()
    {
        await using var rig = await StarterLeaverRig.StartAsync();
        JsonObject Starter(string id, string? manager = "9002", string hire = "2026-07-10", string department = "Product Engineering", string type = "Employee",
            string title = "Project Manager") => new()
        {
            ["WorkerID"] = id, ["WorkerStatus"] = "Active", ["WorkerType"] = type, ["FirstName"] = "Ginnie", ["LastName"] = "Fadiman",
            ["ManagerID"] = manager, ["HireDate"] = hire, ["Department"] = department, ["JobTitle"] = title,
        };
        var records = new (string Reference, JsonObject Record, string? Code)[]
        {
            ("good-1513", Starter("1513"), null),
            ("no-worker-id", Starter(""), StarterLeaverCodes.InvalidRecord),
            ("unknown-manager", Starter("1600", manager: "4242"), StarterLeaverCodes.UnknownManager),
            ("bad-hire-date", Starter("1601", hire: "next Tuesday"), StarterLeaverCodes.InvalidRecord),
            ("impossible-hire-date", Starter("1602", hire: "2026-02-31"), StarterLeaverCodes.InvalidRecord),
            ("unknown-department", Starter("1603", department: "Space Programme"), StarterLeaverCodes.UnknownDepartment),
            ("unknown-worker-type", Starter("1604", type: "Volunteer"), StarterLeaverCodes.InvalidRecord),
            ("leaver-without-account", new JsonObject { ["WorkerID"] = "7777", ["WorkerStatus"] = "Inactive", ["TerminationDate"] = "2026-09-30" }, StarterLeaverCodes.NoAccount),
            ("same-number-other-person", Starter("1513", title: "Director"), StarterLeaverCodes.AccountDiffers),
            ("leaves-before-start", new JsonObject { ["WorkerID"] = "1513", ["WorkerStatus"] = "Active", ["LastDayOfWork"] = "2026-01-31" }, StarterLeaverCodes.LeaveBeforeStart),
        };

        // One at a time, in order: the good starter first, so the later records meet its account.
        var results = new List<QueueItem>();
        foreach (var (reference, record, _) in records)
            results.AddRange(await rig.RunAsync(await rig.QueueAsync("bad-" + reference, [record], (_, _) => reference), workers: 1));

        Assert.Multiple(() =>
        {
            foreach (var (reference, _, code) in records)
            {
                var result = results.Single(r => r.Reference == reference);
                if (code is null) Assert.That(result.Status, Is.EqualTo(QueueItemStatus.Successful), $"{reference}: {result.FailureReason}");
                else Assert.That(result.FailureCode, Is.EqualTo(code), $"{reference}: {result.FailureReason}");
            }
        });
        var failed = new List<QueueItem>();
        foreach (var (reference, _, _) in records)
            failed.AddRange((await rig.Queues.ListItemsAsync("bad-" + reference, new QueueItemQuery(), null, 10)).Items.Where(i => i.Status == QueueItemStatus.Failed));
        Assert.That(failed, Has.Count.EqualTo(records.Length - 1));
        Assert.That(failed.Select(i => i.FailureKind), Is.All.EqualTo(QueueFailureKind.Business));
        Assert.That(failed.Single(i => i.Reference == "unknown-manager").FailureReason, Does.Contain("employee 4242, has no account in the portal"));
        Assert.That(failed.Single(i => i.Reference == "same-number-other-person").FailureReason, Does.Contain("job title 'Project Manager' in the portal, 'Director' in the record"));
        var users = await rig.UsersAsync();
        Assert.That(users.Keys.Order(), Is.EqualTo(new[] { "1513", "9001", "9002", "9003", "9004", "9005", "9006" }));
        Assert.That(S(users["1513"], "status"), Is.EqualTo("Active"), "the leaver dated before the start was not disabled");
    }

    [Test]
    public async Task The_restyled_portal_is_filled_by_the_same_bot()
    {
        await using var rig = await StarterLeaverRig.StartAsync(restyle: true);
        var starters = HrFeed.Records("csv-with-5-records.txt");
        for (var i = 0; i < starters.Count; i++) starters[i]["ManagerID"] = Managers[i];
        var leaver = starters[2].DeepClone().AsObject();
        leaver["LeaveDate"] = LeaveDate;

        var results = (await rig.RunAsync(await rig.QueueAsync("restyled", starters))).Concat(await rig.RunAsync(await rig.QueueAsync("restyled-leaver", [leaver]))).ToList();

        Assert.That(SettledQueue.NotSuccessful(results), Is.Empty);
        var users = await rig.UsersAsync();
        Assert.Multiple(() =>
        {
            foreach (var record in starters)
            {
                var u = users[record["WorkerID"]!.GetValue<string>()];
                Assert.That(S(u, "firstName") + " " + S(u, "lastName"), Is.EqualTo(record["FullName"]!.GetValue<string>()));
                Assert.That(S(u, "jobTitle"), Is.EqualTo(record["JobTitle"]!.GetValue<string>()));
                Assert.That(S(u, "department"), Is.EqualTo(record["Department"]!.GetValue<string>()));
                Assert.That(S(u, "managerNumber"), Is.EqualTo(record["ManagerID"]!.GetValue<string>()));
                Assert.That(S(u, "startDate"), Is.EqualTo(record["HireDate"]!.GetValue<string>()));
                Assert.That(S(u, "licence"), Is.EqualTo(Licence(record)));
                Assert.That(u.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!), Is.EquivalentTo(ExpectedGroups(record)));
            }
            Assert.That(S(users[leaver["WorkerID"]!.GetValue<string>()], "status"), Is.EqualTo("Disabled"));
            Assert.That(S(users[leaver["WorkerID"]!.GetValue<string>()], "leaveDate"), Is.EqualTo(LeaveDate));
        });
    }
}
