using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class FailTests
{
    [Test]
    public async Task Faults_the_instance_with_its_message_and_is_not_retried()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("fail")
            .Input("reference", ValueTypes.String)
            .Start()
            .Activity("stop", "Fail", new JsonObject { ["message"] = Expr.Liquid("Invoice {{ input.reference }} has no purchase order") },
                retry: new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = 0 })
            .Chain("start", "stop")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["reference"] = "INV-7" });

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("Invoice INV-7 has no purchase order"));
        var incident = instance.State.Incidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo("stop"));
        Assert.That(incident.Message, Is.EqualTo("Invoice INV-7 has no purchase order"));
        Assert.That(incident.Attempts, Is.EqualTo(1));
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Count(JournalEventKind.ActivityRetried), Is.Zero);
        Assert.That(journal.Count(JournalEventKind.ActivityFaulted, "stop"), Is.EqualTo(1));
        Assert.That(journal.Count(JournalEventKind.InstanceFaulted), Is.EqualTo(1));
    }
}
