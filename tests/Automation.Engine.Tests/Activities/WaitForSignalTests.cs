using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class WaitForSignalTests
{
    private static WorkflowDefinition WaitForApproval() => Flow.Create("wait-signal")
        .Input("invoice", ValueTypes.String, required: true)
        .Start()
        .Activity("approved", "WaitForSignal", new JsonObject { ["signal"] = "invoice-approved", ["correlationId"] = Expr.Js("input.invoice") })
        .Log("after", Expr.Liquid("{{ input.invoice }} approved by {{ activities.approved.output.by }}"))
        .Chain("start", "approved", "after")
        .Build();

    [Test]
    public async Task A_signal_with_a_correlation_id_resumes_only_the_matching_instance_with_its_payload()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(WaitForApproval());
        var first = await engine.StartAsync("wait-signal", new JsonObject { ["invoice"] = "INV-1" });
        var second = await engine.StartAsync("wait-signal", new JsonObject { ["invoice"] = "INV-2" });
        first.AssertStatus(WorkflowStatus.Suspended);
        var wait = first.Waits(BookmarkKinds.Signal).Single();
        Assert.That((wait.Name, wait.CorrelationId), Is.EqualTo(("invoice-approved", "INV-1")));

        var resumed = await engine.Runtime.SignalAsync("invoice-approved", "INV-2", new JsonObject { ["by"] = "ann" });

        Assert.That(resumed, Is.EqualTo(new[] { second.Id }));
        second = (await engine.GetAsync(second.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That(second.OutputOf("approved")!["by"]!.GetValue<string>(), Is.EqualTo("ann"));
        Assert.That((await engine.JournalAsync(second.Id)).LogMessages(), Is.EqualTo(new[] { "INV-2 approved by ann" }));
        first = await engine.GetAsync(first.Id);
        first.AssertStatus(WorkflowStatus.Suspended);
        Assert.That(first.Waits(BookmarkKinds.Signal), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_signal_nobody_waits_for_resumes_nothing()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(WaitForApproval());
        var instance = await engine.StartAsync("wait-signal", new JsonObject { ["invoice"] = "INV-1" });

        Assert.That(await engine.Runtime.SignalAsync("invoice-approved", "INV-9", null), Is.Empty);
        Assert.That(await engine.Runtime.SignalAsync("invoice-rejected", "INV-1", null), Is.Empty);

        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Suspended);
    }

    [Test]
    public async Task A_second_signal_does_not_resume_a_wait_that_was_already_resumed()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(WaitForApproval());
        var instance = await engine.StartAsync("wait-signal", new JsonObject { ["invoice"] = "INV-1" });

        Assert.That(await engine.Runtime.SignalAsync("invoice-approved", "INV-1", new JsonObject { ["by"] = "ann" }), Has.Count.EqualTo(1));
        Assert.That(await engine.Runtime.SignalAsync("invoice-approved", "INV-1", new JsonObject { ["by"] = "bob" }), Is.Empty);

        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "INV-1 approved by ann" }));
    }
}
