using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Automation.Engine.Tests.Runtime;

/// <summary>Work saved by one node survives it: another node (or the same one after a restart) carries it on.</summary>
public class RecoveryTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_running_instance_left_by_a_dead_node_is_recovered_by_another_once_its_lease_expires()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var engine = EngineHarness.Create(clock, runtime: options => options.SingleNode = false);
        await engine.PublishAsync(Flow.Create("recover").Start().Log("log", "ran").Chain("start", "log").Build());
        // The first node saves the new instance, then "dies" before running it: its background runner takes no work.
        await engine.Services.GetRequiredService<BackgroundRunner>().StopAsync(TimeSpan.Zero);
        var instance = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "recover" });
        var survivor = engine.AnotherNode();
        await survivor.StartHostedServicesAsync();

        await Task.Delay(100);
        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Running);

        clock.Advance(TimeSpan.FromMinutes(3));
        await survivor.WaitForAsync(instance.Id, i => i.Status == WorkflowStatus.Finished);
        Assert.That((await survivor.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "ran" }));
    }

    [Test]
    public async Task A_timer_saved_by_one_node_is_fired_by_another_nodes_timer_loop()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var engine = EngineHarness.Create(clock);
        var instance = await engine.RunAsync(Flow.Create("timer")
            .Start()
            .Activity("pause", "Delay", new JsonObject { ["duration"] = "00:10:00" })
            .Log("log", "woke")
            .Chain("start", "pause", "log")
            .Build());
        var restarted = engine.AnotherNode();
        await restarted.StartHostedServicesAsync();

        clock.Advance(TimeSpan.FromMinutes(10));

        await restarted.WaitForAsync(instance.Id, i => i.Status == WorkflowStatus.Finished);
        Assert.That((await restarted.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "woke" }));
    }
}
