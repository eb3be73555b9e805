using System.Text.Json.Nodes;
using static Automation.Server.Tests.Triggers.ScheduleSupport;

namespace Automation.Server.Tests.Triggers;

/// <summary>
/// The in-memory Quartz store forgets its triggers when the server stops: a server restarted on the same SQLite file
/// starts a FireOnce schedule once for the time it missed while down, and a Skip schedule not at all.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class ScheduleRestartTests
{
    private string _dataDirectory = "";

    [SetUp]
    public void CreateDataDirectory() => _dataDirectory = ServerHarness.NewDataDirectory();

    [TearDown]
    public void DeleteDataDirectory()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task A_time_missed_while_the_server_was_down_starts_once_after_the_restart_under_FireOnce_only()
    {
        string fireOnce, skip;
        DateTimeOffset stoppedAt;
        await using (var first = await ServerHarness.StartAsync(dataDirectory: _dataDirectory))
        {
            using var api = first.Client();
            fireOnce = await api.PublishAsync(ScheduledGreeting(Flows.NewId("once"), Cron("0/3 * * * * ?")));
            var skipSettings = Cron("0/3 * * * * ?");
            skipSettings["misfire"] = "Skip";
            skip = await api.PublishAsync(ScheduledGreeting(Flows.NewId("skip"), skipSettings));
            await WaitForInstancesAsync(api, fireOnce, 1);
            await WaitForInstancesAsync(api, skip, 1);
            stoppedAt = DateTimeOffset.UtcNow;
        }

        // Down for more than one 3-second period, so at least one fire time passes with no server.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await ServerHarness.StartAsync(dataDirectory: _dataDirectory);
        using var api2 = second.Client();

        var missed = await WaitForEventAsync(api2, $"{fireOnce}:every", "missed while the server was down");
        var instance = await FinishedAsync(api2, missed["instanceId"]!.GetValue<string>());
        var scheduledAt = DateTimeOffset.Parse(instance["input"]!["scheduledAt"]!.GetValue<string>());
        // Due after the first server stopped and before the second had its schedules in Quartz (a moment after restartedAt).
        Assert.That(scheduledAt, Is.GreaterThan(stoppedAt), "started for a time that passed while no server was scheduling");
        Assert.That(scheduledAt, Is.LessThan(restartedAt.AddSeconds(30)).And.LessThanOrEqualTo(DateTimeOffset.Parse(missed["at"]!.GetValue<string>())));
        Assert.That(scheduledAt.Second % 3, Is.EqualTo(0), "for one of the cron's times");
        var catchUps = (await EventsAsync(api2, $"{fireOnce}:every")).Count(e => e!["message"]!.GetValue<string>().Contains("missed while the server was down"));
        Assert.That(catchUps, Is.EqualTo(1), "the missed times together start one instance");

        var skipEvents = await EventsAsync(api2, $"{skip}:every");
        Assert.That(skipEvents.Where(e => e!["message"]!.GetValue<string>().Contains("missed")), Is.Empty, "Skip does not catch up");
    }

    private static async Task<JsonObject> WaitForEventAsync(HttpClient api, string triggerId, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var match = (await EventsAsync(api, triggerId)).FirstOrDefault(e => e!["message"]!.GetValue<string>().Contains(text));
            if (match is not null) return match.AsObject();
            await Task.Delay(100);
        }
        Assert.Fail($"No event of {triggerId} says '{text}': {(await EventsAsync(api, triggerId)).ToJsonString()}");
        return null!;
    }
}
