using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

[TestFixture]
internal sealed class StatisticsApiTests : ServerTestBase
{
    [Test]
    public async Task Counts_today_s_instances_and_open_tasks_in_fourteen_London_days_by_default()
    {
        var before = await Http.ReadAsync(await Api.GetAsync("/api/statistics/instances"), 200);
        var greeting = await Api.PublishAsync(Flows.Greeting());
        var failing = await Api.PublishAsync(Flows.Failing());
        var approval = await Api.PublishAsync(Flows.Approval());
        await Api.StartAsync(greeting, new { name = "Ada" });
        await Api.StartAsync(greeting, new { name = "Bo" });
        await Api.StartAsync(failing);
        await Api.StartAsync(approval);

        var after = await Http.ReadAsync(await Api.GetAsync("/api/statistics/instances"), 200);

        Assert.That(after["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/London"));
        var days = after["days"]!.AsArray();
        Assert.That(days, Has.Count.EqualTo(14));
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
        Assert.That(days[^1]!["date"]!.GetValue<string>(), Is.EqualTo(today.ToString("yyyy-MM-dd")));
        Assert.That(days[0]!["date"]!.GetValue<string>(), Is.EqualTo(today.AddDays(-13).ToString("yyyy-MM-dd")));

        long Delta(string path, string name) =>
            after[path]![name]!.GetValue<long>() - before[path]![name]!.GetValue<long>();
        long TodayDelta(string name) =>
            days[^1]![name]!.GetValue<long>() - before["days"]!.AsArray()[^1]![name]!.GetValue<long>();
        Assert.That((TodayDelta("started"), TodayDelta("finished"), TodayDelta("faulted"), TodayDelta("cancelled")), Is.EqualTo((4L, 2L, 1L, 0L)));
        Assert.That((Delta("totals", "started"), Delta("totals", "finished"), Delta("totals", "faulted")), Is.EqualTo((4L, 2L, 1L)));
        Assert.That((Delta("current", "suspended"), Delta("current", "faulted")), Is.EqualTo((1L, 1L)));
        Assert.That(Delta("openTasks", "open"), Is.EqualTo(1));
    }

    [Test]
    public async Task Any_role_may_read_the_statistics_and_a_missing_key_may_not()
    {
        foreach (var role in new[] { "processOwner", "operator", "bot" })
        {
            using var client = Server.Client(await Server.CreateKeyAsync("stats-" + role, role));
            var body = await Http.ReadAsync(await client.GetAsync("/api/statistics/instances?days=3"), 200);
            Assert.That(body["days"]!.AsArray(), Has.Count.EqualTo(3), role);
        }

        using var anonymous = Server.Client(apiKey: null);
        await Http.ReadProblemAsync(await anonymous.GetAsync("/api/statistics/instances"), 401);
    }

    [TestCase("0")]
    [TestCase("91")]
    [TestCase("-5")]
    public async Task Days_outside_one_to_ninety_are_refused(string days)
    {
        var problem = await Http.ReadProblemAsync(await Api.GetAsync($"/api/statistics/instances?days={days}"), 400);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("from 1 to 90"));
    }

    [Test]
    public async Task Days_that_are_not_a_number_are_refused_and_ninety_days_are_allowed()
    {
        await Http.ReadProblemAsync(await Api.GetAsync("/api/statistics/instances?days=lots"), 400);
        var body = await Http.ReadAsync(await Api.GetAsync("/api/statistics/instances?days=90"), 200);
        Assert.That(body["days"]!.AsArray(), Has.Count.EqualTo(90));
        Assert.That(body["days"]![0]!["start"]!.GetValue<string>(), Does.EndWith("+00:00"), "times are given in UTC");
    }
}
