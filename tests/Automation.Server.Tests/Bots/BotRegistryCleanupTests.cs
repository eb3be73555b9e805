using Automation.Bots.Browser.Workers;
using Automation.Engine.Bots;
using Automation.Engine.Persistence.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Automation.Server.Tests.Bots;

/// <summary>The registry forgets workers that stopped reporting long ago, and never one that may still be online.</summary>
[TestFixture]
internal sealed class BotRegistryCleanupTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static BotWorker Worker(string id, DateTimeOffset lastReport) => new()
    {
        Id = id, Bot = "invoice-entry", Queue = "invoices", Pool = "invoices", Node = "node1", Status = BotWorkerStatus.Working,
        StartedAt = lastReport.AddHours(-1), LastHeartbeat = lastReport,
    };

    private static async Task<InMemoryBotWorkerStore> RegistryAsync()
    {
        var registry = new InMemoryBotWorkerStore(new InMemoryWorkQueueStore());
        await registry.SaveAsync(Worker("invoice-entry@node1#1-killed", Now.AddDays(-9)));
        await registry.SaveAsync(Worker("invoice-entry@node1#1-lastweek", Now.AddDays(-6)));
        await registry.SaveAsync(Worker("invoice-entry@node1#1-running", Now.AddSeconds(-5)));
        return registry;
    }

    [Test]
    public async Task The_host_start_removes_workers_silent_for_longer_than_the_retention()
    {
        var registry = await RegistryAsync();
        using var cleanup = new BotRegistryCleanup(registry, Options.Create(new BotHostOptions()), new FixedClock(Now), NullLogger<BotRegistryCleanup>.Instance);

        await cleanup.StartAsync(CancellationToken.None);
        // The first clean runs as the service starts; wait for its result rather than for a time.
        for (var i = 0; i < 200 && (await registry.ListAsync()).Count == 3; i++) await Task.Delay(25);
        await cleanup.StopAsync(CancellationToken.None);

        Assert.That((await registry.ListAsync()).Select(w => w.Id),
            Is.EqualTo(new[] { "invoice-entry@node1#1-lastweek", "invoice-entry@node1#1-running" }), "the default retention is 7 days");
    }

    [Test]
    public async Task The_retention_is_never_shorter_than_three_heartbeat_intervals()
    {
        var registry = await RegistryAsync();
        var options = new BotHostOptions { RegistryRetention = TimeSpan.FromSeconds(1), HeartbeatInterval = TimeSpan.FromSeconds(10) };
        using var cleanup = new BotRegistryCleanup(registry, Options.Create(options), new FixedClock(Now), NullLogger<BotRegistryCleanup>.Instance);

        Assert.That(await cleanup.CleanAsync(), Is.EqualTo(2));
        Assert.That((await registry.ListAsync()).Select(w => w.Id), Is.EqualTo(new[] { "invoice-entry@node1#1-running" }),
            "a worker that reported 5 s ago may be online (three 10 s intervals)");
        Assert.That(await cleanup.CleanAsync(), Is.Zero);
    }
}
