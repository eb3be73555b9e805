using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Tests.Runtime;

/// <summary>A node keeps the lease of an instance it is running for as long as a single activity takes.</summary>
public class LeaseRenewalTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1);

    [Test]
    public async Task An_activity_longer_than_the_lease_is_not_taken_over_by_another_node()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = TestHttpServer.Start(async (_, ct) =>
        {
            firstCall.TrySetResult();
            await release.Task.WaitAsync(ct);
            return TestResponse.Json("""{ "ok": true }""");
        });
        await using var engine = EngineHarness.Create(runtime: options =>
        {
            options.SingleNode = false;
            options.LeaseDuration = Lease;
            options.RecoveryInterval = TimeSpan.FromMilliseconds(50);
        });
        await engine.PublishAsync(Flow.Create("slow-call")
            .Start()
            .Activity("call", "HttpRequest", new JsonObject { ["url"] = server.Url("/slow"), ["timeout"] = "00:01:00" })
            .Log("log", "called")
            .Chain("start", "call", "log")
            .Build());
        // A second node whose recovery loop looks every 50 ms for Running instances with an expired lease.
        var other = engine.AnotherNode();
        await other.StartHostedServicesAsync();

        // Without wait: the instance is saved Running under this node's lease, then run in the background.
        var instance = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "slow-call" });
        await firstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The call stays open for four leases' time: the other node would have recovered the instance (and made the
        // call again) after the first one without renewals.
        await Task.Delay(Lease * 4);
        Assert.That(server.Requests, Has.Count.EqualTo(1), "the other node took the instance over mid-activity");
        release.SetResult();

        var finished = await engine.WaitForAsync(instance.Id, i => i.Status == WorkflowStatus.Finished, TimeSpan.FromSeconds(10));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
        var journal = await engine.JournalAsync(finished.Id);
        Assert.That(journal.Count(e => e.Kind == JournalEventKind.ActivityStarted && e.ActivityId == "call"), Is.EqualTo(1));
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "called" }));
    }

    [Test]
    public async Task A_node_that_stops_renewing_loses_the_instance_to_another_node()
    {
        // The counterpart: the lease is what keeps the other node away. The first node saves the instance and dies
        // before running it (its background runner takes no work), so nobody renews; the other node takes over.
        await using var engine = EngineHarness.Create(runtime: options =>
        {
            options.SingleNode = false;
            options.LeaseDuration = Lease;
            options.RecoveryInterval = TimeSpan.FromMilliseconds(50);
        });
        await engine.PublishAsync(Flow.Create("orphan").Start().Log("log", "ran").Chain("start", "log").Build());
        await engine.Services.GetRequiredService<BackgroundRunner>().StopAsync(TimeSpan.Zero);
        var instance = await engine.Runtime.StartAsync(new StartRequest { DefinitionId = "orphan" });
        var other = engine.AnotherNode();
        await other.StartHostedServicesAsync();

        await other.WaitForAsync(instance.Id, i => i.Status == WorkflowStatus.Finished, TimeSpan.FromSeconds(10));
        Assert.That((await other.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "ran" }));
    }
}
