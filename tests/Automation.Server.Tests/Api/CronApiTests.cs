using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

[TestFixture]
internal sealed class CronApiTests : ServerTestBase
{
    private async Task<JsonObject> PreviewAsync(string query, int status = 200) =>
        await Http.ReadAsync(await Api.GetAsync($"/api/cron/next-fire-times?{query}"), status);

    [Test]
    public async Task Nine_every_morning_in_London_stays_at_nine_local_across_the_March_clock_change()
    {
        // The clocks go forward at 01:00 UTC on Sunday 28 March 2027: 09:00 local is 09:00 UTC before, 08:00 UTC after.
        var preview = await PreviewAsync("expression=" + Uri.EscapeDataString("0 0 9 * * ?") + "&after=2027-03-26T12:00:00Z&count=3");

        var times = preview["nextFireTimes"]!.AsArray().Select(t => DateTimeOffset.Parse(t!.GetValue<string>())).ToArray();
        Assert.That(preview["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/London"), "the default time zone");
        Assert.That(times.Select(t => t.UtcDateTime), Is.EqualTo(new[]
        {
            new DateTime(2027, 3, 27, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 3, 29, 8, 0, 0, DateTimeKind.Utc),
        }));
        Assert.That(times.Select(t => (t.Hour, t.Offset)), Is.EqualTo(new[]
        {
            (9, TimeSpan.Zero), (9, TimeSpan.FromHours(1)), (9, TimeSpan.FromHours(1)),
        }), "shown as local times with their offset");
    }

    [Test]
    public async Task Weekday_mornings_skip_the_weekend_and_follow_the_October_clock_change()
    {
        // Friday 29 October 2027 is in BST; the clocks go back on Sunday 31 October; Monday 1 November is GMT.
        var preview = await PreviewAsync("expression=" + Uri.EscapeDataString("0 30 7 ? * MON-FRI") +
            "&timeZone=Europe/London&after=2027-10-28T12:00:00Z&count=2");

        var times = preview["nextFireTimes"]!.AsArray().Select(t => DateTimeOffset.Parse(t!.GetValue<string>()).UtcDateTime).ToArray();
        Assert.That(times, Is.EqualTo(new[]
        {
            new DateTime(2027, 10, 29, 6, 30, 0, DateTimeKind.Utc),
            new DateTime(2027, 11, 1, 7, 30, 0, DateTimeKind.Utc),
        }));
    }

    [Test]
    public async Task A_malformed_expression_or_an_unknown_time_zone_is_a_400_that_says_what_is_wrong()
    {
        var bad = await PreviewAsync("expression=" + Uri.EscapeDataString("every monday"), 400);
        Assert.That(bad["detail"]!.GetValue<string>(), Does.Contain("'every monday' is not a valid cron expression"));

        var zone = await PreviewAsync("expression=" + Uri.EscapeDataString("0 0 9 * * ?") + "&timeZone=Mars/Olympus", 400);
        Assert.That(zone["detail"]!.GetValue<string>(), Does.Contain("'Mars/Olympus' is not a time zone"));

        var missing = await PreviewAsync("count=3", 400);
        Assert.That(missing["detail"]!.GetValue<string>(), Does.Contain("?expression="));

        var tooMany = await PreviewAsync("expression=" + Uri.EscapeDataString("0 0 9 * * ?") + "&count=500", 400);
        Assert.That(tooMany["detail"]!.GetValue<string>(), Does.Contain("count must be between 1 and 20"));
    }

    [Test]
    public async Task Without_a_key_the_preview_is_refused()
    {
        using var anonymous = Server.Client(apiKey: null);
        var response = await anonymous.GetAsync("/api/cron/next-fire-times?expression=" + Uri.EscapeDataString("0 0 9 * * ?"));
        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }
}
