using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Server.Tests.Durability;
using Automation.Server.Triggers.Schedules;
using Automation.Testing;
using Npgsql;
using static Automation.Server.Tests.Triggers.ScheduleSupport;

namespace Automation.Server.Tests.Triggers;

/// <summary>
/// Two real server processes on one real PostgreSQL, sharing Quartz's clustered store: a per-second schedule starts
/// exactly one instance per fire time, and Quartz hands each fire time to one node.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class ClusteredScheduleTests
{
    private const string AdminKey = "cluster-schedule-admin-key-0123456789";

    [Test]
    public async Task Two_nodes_on_one_database_start_one_instance_per_fire_time()
    {
        var postgres = await PostgresServer.GetAsync();
        var connectionString = await postgres.CreateDatabaseAsync("schedules");
        var directories = new[] { ServerHarness.NewDataDirectory(), ServerHarness.NewDataDirectory() };
        var environment = new Dictionary<string, string>
        {
            ["Automation__Store"] = "postgres",
            ["Automation__ConnectionString"] = connectionString,
            ["Automation__Triggers__RefreshInterval"] = "00:00:01",
        };
        try
        {
            // One after the other: the first creates the schema (migration 8 included) and the admin key.
            await using var first = await ServerProcess.StartAsync(directories[0], AdminKey, environment: environment);
            await using var second = await ServerProcess.StartAsync(directories[1], AdminKey, environment: environment);
            using var api1 = Client(first);
            using var api2 = Client(second);

            var id = await api1.PublishAsync(ScheduledGreeting(Flows.NewId("cluster"), Cron(EverySecond, "cluster")));
            var triggerId = $"{id}:every";
            var publishedAt = DateTimeOffset.UtcNow;
            Assert.That((await ScheduleAsync(api2, triggerId))["nextFireTimes"]!.AsArray(), Is.Not.Empty, "the other node sees the schedule");

            await WaitForInstancesAsync(api2, id, 8, seconds: 60);
            Assert.That(await ClusterNodesAsync(connectionString), Is.EqualTo(2), "both nodes checked in to the Quartz cluster");
            await Http.ReadAsync(await api2.PostAsync($"/api/triggers/{triggerId}/pause", null), 200);
            await Task.Delay(1500);

            var ids = await InstanceIdsAsync(api1, id);
            var byTime = new Dictionary<DateTimeOffset, List<string>>();
            foreach (var instanceId in ids)
            {
                var instance = await FinishedAsync(api1, instanceId);
                var at = DateTimeOffset.Parse(instance["input"]!["scheduledAt"]!.GetValue<string>());
                (byTime.TryGetValue(at, out var list) ? list : byTime[at] = []).Add(instanceId);
            }
            Assert.That(byTime.Values.Select(v => v.Count), Is.All.EqualTo(1), "one instance per scheduled time");
            Assert.That(byTime, Has.Count.GreaterThanOrEqualTo(8));

            // The instance id alone would stop a second start; Quartz's cluster lock should not even try one. (In the
            // first seconds both nodes may still be writing the new job, so only later times count.)
            var events = await EventsAsync(api1, triggerId);
            var duplicates = events.Where(e => e!["kind"]!.GetValue<string>() == "duplicate")
                .Select(e => byTime.First(t => t.Value.Contains(e!["instanceId"]!.GetValue<string>())).Key)
                .Where(t => t > publishedAt.AddSeconds(3))
                .ToArray();
            TestContext.Out.WriteLine($"{byTime.Count} fire times, {ids.Count} instances, " +
                $"{events.Count(e => e!["kind"]!.GetValue<string>() == "duplicate")} duplicate fire(s) in all, {duplicates.Length} after the first 3 s");
            Assert.That(duplicates, Is.Empty, "each fire time went to one node");
            Assert.That(events.Count(e => e!["kind"]!.GetValue<string>() == "fired"), Is.EqualTo(ids.Count));
            foreach (var (at, list) in byTime) Assert.That(list[0], Is.EqualTo(ScheduleFiring.InstanceIdFor(triggerId, at)));
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
            foreach (var directory in directories)
            {
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
            }
        }
    }

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    private static async Task<long> ClusterNodesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = @name", connection);
        command.Parameters.AddWithValue("name", ScheduleServiceCollectionExtensions.SchedulerName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
