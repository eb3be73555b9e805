using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Triggers;
using Automation.Server.Triggers.Schedules;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Server.Tests.Triggers.ScheduleSupport;

namespace Automation.Server.Tests.Triggers;

/// <summary>
/// Schedule triggers on one real server (SQLite, Quartz in memory): a per-second cron starts instances, a new version
/// without the schedule stops it, pause and resume, run now, the clock changes, bad settings, and a restart's catch-up.
/// </summary>
[TestFixture]
internal sealed class ScheduleTriggerTests : ServerTestBase
{
    [Test]
    public async Task A_per_second_cron_schedule_starts_instances_with_the_schedule_input_and_its_fire_times()
    {
        var id = await Api.PublishAsync(ScheduledGreeting(Flows.NewId("tick"), Cron(EverySecond, "clock")));
        var triggerId = $"{id}:every";

        var ids = await WaitForInstancesAsync(Api, id, 2);
        await PauseAsync(triggerId);

        var instances = new List<JsonObject>();
        foreach (var instanceId in ids) instances.Add(await FinishedAsync(Api, instanceId));
        Assert.That(instances.Select(i => i["output"]!["greeting"]!.GetValue<string>()), Is.All.EqualTo("Hello clock"), "the schedule's input reaches the workflow");
        var scheduled = instances.Select(i => DateTimeOffset.Parse(i["input"]!["scheduledAt"]!.GetValue<string>())).ToArray();
        Assert.That(scheduled.Select(s => s.Millisecond), Is.All.EqualTo(0), "each instance is for a whole second of the cron");
        Assert.That(scheduled, Is.Unique, "one instance per fire time");
        foreach (var instance in instances)
        {
            var input = instance["input"]!;
            Assert.That(input["manual"]!.GetValue<bool>(), Is.False);
            Assert.That(input["triggerId"]!.GetValue<string>(), Is.EqualTo(triggerId));
            Assert.That(DateTimeOffset.Parse(input["firedAt"]!.GetValue<string>()), Is.GreaterThanOrEqualTo(DateTimeOffset.Parse(input["scheduledAt"]!.GetValue<string>())));
            Assert.That(instance["id"]!.GetValue<string>(), Is.EqualTo(ScheduleFiring.InstanceIdFor(triggerId, DateTimeOffset.Parse(input["scheduledAt"]!.GetValue<string>()))),
                "the instance id comes from the trigger and the scheduled time");
        }

        var events = await EventsAsync(Api, triggerId);
        Assert.That(events.Where(e => e!["kind"]!.GetValue<string>() == "fired").Select(e => e!["instanceId"]!.GetValue<string>()), Is.SupersetOf(ids));
    }

    [Test]
    public async Task The_schedules_list_shows_the_next_fire_times_in_UTC_and_local_time_and_the_last_start()
    {
        var id = await Api.PublishAsync(ScheduledGreeting(Flows.NewId("list"),
            new JsonObject { ["cron"] = "0 0 9 ? * MON-FRI", ["timeZone"] = "Europe/London", ["input"] = new JsonObject { ["name"] = "x" } }));
        var triggerId = $"{id}:every";
        var run = await Http.ReadAsync(await Api.PostAsync($"/api/schedules/{triggerId}/run", null), 201);

        var schedule = await ScheduleAsync(Api, triggerId, count: 3);
        Assert.That(schedule["definitionId"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(schedule["cron"]!.GetValue<string>(), Is.EqualTo("0 0 9 ? * MON-FRI"));
        Assert.That(schedule["interval"], Is.Null);
        Assert.That(schedule["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/London"));
        Assert.That(schedule["misfire"]!.GetValue<string>(), Is.EqualTo("fireOnce"), "the default policy");
        Assert.That(schedule["paused"]!.GetValue<bool>(), Is.False);
        var times = schedule["nextFireTimes"]!.AsArray();
        Assert.That(times, Has.Count.EqualTo(3));
        foreach (var time in times)
        {
            var utc = DateTimeOffset.Parse(time!["utc"]!.GetValue<string>());
            var local = DateTimeOffset.Parse(time["local"]!.GetValue<string>());
            Assert.That(utc.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(local, Is.EqualTo(utc), "the same instant");
            Assert.That((local.Hour, local.Minute), Is.EqualTo((9, 0)), "09:00 London time, GMT or BST");
            Assert.That(local.DayOfWeek, Is.Not.EqualTo(DayOfWeek.Saturday).And.Not.EqualTo(DayOfWeek.Sunday));
            Assert.That(utc, Is.GreaterThan(DateTimeOffset.UtcNow));
        }
        Assert.That(schedule["lastFired"]!["instanceId"]!.GetValue<string>(), Is.EqualTo(run["instanceId"]!.GetValue<string>()));

        await Http.ReadProblemAsync(await Api.GetAsync("/api/schedules?count=21"), 400);
    }

    [Test]
    public async Task An_interval_schedule_starts_instances_and_lists_times_one_interval_apart()
    {
        var id = await Api.PublishAsync(ScheduledGreeting(Flows.NewId("interval"),
            new JsonObject { ["interval"] = "00:00:01", ["input"] = new JsonObject { ["name"] = "interval" } }));
        var triggerId = $"{id}:every";

        var schedule = await ScheduleAsync(Api, triggerId, count: 4);
        var times = schedule["nextFireTimes"]!.AsArray().Select(t => DateTimeOffset.Parse(t!["utc"]!.GetValue<string>())).ToArray();
        Assert.That(times.Zip(times.Skip(1), (a, b) => b - a), Is.All.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(schedule["interval"]!.GetValue<string>(), Is.EqualTo("00:00:01"));

        var ids = await WaitForInstancesAsync(Api, id, 2);
        await PauseAsync(triggerId);
        Assert.That((await FinishedAsync(Api, ids[0]))["output"]!["greeting"]!.GetValue<string>(), Is.EqualTo("Hello interval"));
    }

    [Test]
    public async Task Publishing_a_version_without_the_schedule_stops_it()
    {
        var definition = ScheduledGreeting(Flows.NewId("stop"), Cron(EverySecond));
        var id = await Api.PublishAsync(definition);
        await WaitForInstancesAsync(Api, id, 1);

        var replaced = Flows.Greeting(id);
        await Http.ReadAsync(await Api.PutAsJsonAsync($"/api/workflow-definitions/{id}", replaced), 200);
        await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "no schedule" }), 200);

        var schedules = await Http.ReadArrayAsync(await Api.GetAsync("/api/schedules"), 200);
        Assert.That(schedules.Select(s => s!["definitionId"]!.GetValue<string>()), Does.Not.Contain(id));
        Assert.That(await QuartzJobGoneAsync($"{id}:every"), Is.True, "the Quartz job goes with the registration");
        // A fire already under way when the version was published may still land; after that, nothing more.
        await Task.Delay(1500);
        var settled = (await InstanceIdsAsync(Api, id)).Count;
        await Task.Delay(2500);
        Assert.That((await InstanceIdsAsync(Api, id)).Count, Is.EqualTo(settled), "no instance after the schedule was removed");
    }

    [Test]
    public async Task A_paused_schedule_starts_nothing_and_starts_again_when_resumed_without_catching_up()
    {
        var id = await Api.PublishAsync(ScheduledGreeting(Flows.NewId("pause"), Cron(EverySecond)));
        var triggerId = $"{id}:every";
        await WaitForInstancesAsync(Api, id, 1);

        var pausedAt = DateTimeOffset.UtcNow;
        await PauseAsync(triggerId);
        Assert.That((await ScheduleAsync(Api, triggerId))["nextFireTimes"]!.AsArray(), Is.Empty, "a paused schedule has no next fire time");
        await Task.Delay(1500);
        var whilePaused = (await InstanceIdsAsync(Api, id)).Count;
        await Task.Delay(2500);
        Assert.That((await InstanceIdsAsync(Api, id)).Count, Is.EqualTo(whilePaused), "nothing starts while paused");

        var resumedAt = DateTimeOffset.UtcNow;
        await Http.ReadAsync(await Api.PostAsync($"/api/triggers/{triggerId}/resume", null), 200);
        var all = await WaitForInstancesAsync(Api, id, whilePaused + 2);
        await PauseAsync(triggerId);
        var scheduled = new List<DateTimeOffset>();
        foreach (var instanceId in all)
            scheduled.Add(DateTimeOffset.Parse((await FinishedAsync(Api, instanceId))["input"]!["scheduledAt"]!.GetValue<string>()));
        Assert.That(scheduled.Where(t => t > pausedAt.AddSeconds(1) && t < resumedAt.AddSeconds(-1)), Is.Empty,
            "the times that passed while paused are not caught up on resume");
        Assert.That(scheduled.Count(t => t >= resumedAt.AddSeconds(-1)), Is.GreaterThanOrEqualTo(2), "fires again after the resume");
    }

    [Test]
    public async Task Run_now_starts_one_instance_at_once_for_operators_and_admins_only()
    {
        // 03:00 on 1 January 2099: it will not fire during the test by itself.
        var id = await Api.PublishAsync(ScheduledGreeting(Flows.NewId("runnow"), Cron("0 0 3 1 1 ? 2099", "on demand")));
        var triggerId = $"{id}:every";

        var run = await Http.ReadAsync(await Api.PostAsync($"/api/schedules/{triggerId}/run", null), 201);
        Assert.That(run["triggerId"]!.GetValue<string>(), Is.EqualTo(triggerId));
        var instance = await FinishedAsync(Api, run["instanceId"]!.GetValue<string>());
        Assert.That(instance["output"]!["greeting"]!.GetValue<string>(), Is.EqualTo("Hello on demand"));
        Assert.That(instance["input"]!["manual"]!.GetValue<bool>(), Is.True);
        var second = await Http.ReadAsync(await Api.PostAsync($"/api/schedules/{triggerId}/run", null), 201);
        Assert.That(second["instanceId"]!.GetValue<string>(), Is.Not.EqualTo(run["instanceId"]!.GetValue<string>()), "each run now is a new instance");
        Assert.That(await InstanceIdsAsync(Api, id), Has.Count.EqualTo(2));
        var events = await EventsAsync(Api, triggerId);
        Assert.That(events[0]!["message"]!.GetValue<string>(), Does.Contain("run now by"));

        using var operatorApi = Server.Client(await Server.CreateKeyAsync("schedule-operator", "operator"));
        await Http.ReadAsync(await operatorApi.PostAsync($"/api/schedules/{triggerId}/run", null), 201);
        using var ownerApi = Server.Client(await Server.CreateKeyAsync("schedule-owner", "processOwner"));
        await Http.ReadProblemAsync(await ownerApi.PostAsync($"/api/schedules/{triggerId}/run", null), 403);
        Assert.That(await Http.ReadArrayAsync(await ownerApi.GetAsync("/api/schedules"), 200), Is.Not.Empty, "any role may read the schedules");

        await PauseAsync(triggerId);
        var paused = await Http.ReadProblemAsync(await Api.PostAsync($"/api/schedules/{triggerId}/run", null), 409);
        Assert.That(paused["detail"]!.GetValue<string>(), Does.Contain("paused"));
        await Http.ReadProblemAsync(await Api.PostAsync("/api/schedules/no-such-workflow:every/run", null), 404);
        Assert.That(await InstanceIdsAsync(Api, id), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_London_schedule_skips_the_missing_hour_in_March_and_fires_once_in_the_repeated_hour_in_October()
    {
        var id = await Api.PublishAsync(ScheduledGreeting(Flows.NewId("bst"), Cron("0 30 1 * * ?")));
        var registration = await Server.Services.GetRequiredService<ITriggerStore>().GetAsync($"{id}:every");
        var spec = ScheduleSpec.Read(Server.Services.GetRequiredService<ActivityRegistry>(), registration!);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        // 01:00 GMT on Sunday 28 March 2027 the clocks go forward to 02:00 BST: 01:30 does not happen that night.
        var spring = spec.NextFireTimes(new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero), 4);
        var springLocal = spring.Select(t => TimeZoneInfo.ConvertTime(t, london)).ToArray();
        Assert.That(springLocal.Where(t => t.Date == new DateTime(2027, 3, 28) && t.Hour == 1), Is.Empty, "no fire in the skipped hour");
        Assert.That(springLocal.Count(t => t.Date == new DateTime(2027, 3, 28)), Is.LessThanOrEqualTo(1));
        Assert.That(spring, Does.Contain(new DateTimeOffset(2027, 3, 27, 1, 30, 0, TimeSpan.Zero)), "01:30 GMT the day before");
        Assert.That(spring, Does.Contain(new DateTimeOffset(2027, 3, 29, 0, 30, 0, TimeSpan.Zero)), "01:30 BST the day after");

        // 02:00 BST on Sunday 31 October 2027 the clocks go back to 01:00 GMT: 01:30 happens twice that night, the schedule fires once.
        var autumn = spec.NextFireTimes(new DateTimeOffset(2027, 10, 29, 12, 0, 0, TimeSpan.Zero), 3);
        var onTheNight = autumn.Where(t => TimeZoneInfo.ConvertTime(t, london).Date == new DateTime(2027, 10, 31)).ToArray();
        Assert.That(onTheNight, Has.Length.EqualTo(1), "one fire in the repeated hour: " + string.Join(", ", autumn));
        Assert.That(TimeZoneInfo.ConvertTime(onTheNight[0], london).TimeOfDay, Is.EqualTo(new TimeSpan(1, 30, 0)));
        Assert.That(autumn, Is.EqualTo(new[]
        {
            new DateTimeOffset(2027, 10, 30, 0, 30, 0, TimeSpan.Zero),
            onTheNight[0],
            new DateTimeOffset(2027, 11, 1, 1, 30, 0, TimeSpan.Zero),
        }));

        // The designer's preview reads the same times.
        var preview = await Http.ReadAsync(await Api.GetAsync("/api/cron/next-fire-times?expression=" + Uri.EscapeDataString("0 30 1 * * ?")
            + "&after=2027-10-29T12:00:00Z&count=3"), 200);
        Assert.That(preview["nextFireTimes"]!.AsArray().Select(t => DateTimeOffset.Parse(t!.GetValue<string>())), Is.EqualTo(autumn));
    }

    [TestCase("{\"cron\":\"every monday\"}", "inputs.cron", "not a valid cron expression")]
    [TestCase("{\"cron\":\"0 0 9 * * ?\",\"timeZone\":\"Mars/Olympus\"}", "inputs.timeZone", "'Mars/Olympus' is not a time zone")]
    [TestCase("{}", "inputs.cron", "Give a cron expression")]
    [TestCase("{\"cron\":\"0 0 9 * * ?\",\"interval\":\"00:05:00\"}", "inputs.interval", "not both")]
    [TestCase("{\"interval\":\"00:00:00.200\"}", "inputs.interval", "at least 1 second")]
    [TestCase("{\"cron\":\"0 0 9 1 1 ? 2001\"}", "inputs.cron", "no fire times in the future")]
    [TestCase("{\"cron\":{\"$js\":\"'0 0 9 * * ?'\"}}", "inputs.cron", "must be a value")]
    public async Task Bad_settings_are_validation_errors_on_the_setting_and_block_publishing(string settings, string field, string message)
    {
        var definition = ScheduledGreeting(Flows.NewId("bad"), JsonNode.Parse(settings)!.AsObject());
        var result = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions/validate", definition), 200);
        Assert.That(result["valid"]!.GetValue<bool>(), Is.False);
        var error = result["errors"]!.AsArray().Single()!;
        Assert.That(error["activityId"]!.GetValue<string>(), Is.EqualTo("every"));
        Assert.That(error["field"]!.GetValue<string>(), Is.EqualTo(field));
        Assert.That(error["message"]!.GetValue<string>(), Does.Contain(message));

        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        var refused = await Http.ReadProblemAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{definition["id"]}/publish", new { }), 400);
        Assert.That(refused["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo(field));
    }

    [Test]
    public async Task The_designer_gets_the_schedule_with_a_cron_editor_and_its_outputs()
    {
        var activities = await Http.ReadArrayAsync(await Api.GetAsync("/api/activities"), 200);
        var schedule = activities.Single(a => a!["type"]!.GetValue<string>() == "Schedule")!;
        Assert.That(schedule["isTrigger"]!.GetValue<bool>(), Is.True);
        Assert.That(schedule["category"]!.GetValue<string>(), Is.EqualTo("Triggers"));
        var inputs = schedule["inputs"]!.AsArray();
        Assert.That(inputs.Single(i => i!["name"]!.GetValue<string>() == "cron")!["editor"]!.GetValue<string>(), Is.EqualTo("cron"));
        Assert.That(inputs.Single(i => i!["name"]!.GetValue<string>() == "timeZone")!["default"]!.GetValue<string>(), Is.EqualTo("Europe/London"));
        Assert.That(inputs.Single(i => i!["name"]!.GetValue<string>() == "misfire")!["options"]!.AsArray().Select(o => o!.GetValue<string>()),
            Is.EqualTo(new[] { "FireOnce", "Skip" }));
        Assert.That(schedule["outputs"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "scheduledAt", "firedAt", "manual", "triggerId" }));
    }

    private async Task PauseAsync(string triggerId) =>
        await Http.ReadAsync(await Api.PostAsync($"/api/triggers/{triggerId}/pause", null), 200);

    // The publish wakes the schedule host, which reconciles in the background: poll rather than read once.
    private async Task<bool> QuartzJobGoneAsync(string triggerId)
    {
        var scheduler = await Server.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (!await scheduler.Exists(new Quartz.JobKey(triggerId, ScheduleJob.Group))) return true;
            await Task.Delay(50);
        }
        return false;
    }
}
