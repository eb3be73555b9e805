using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Tests.Runtime;

/// <summary>Modules that hold something for an instance in memory (a browser session) are told when it ends, however it ends.</summary>
public class InstanceEndedHandlerTests
{
    private sealed class Recorder : IInstanceEndedHandler
    {
        public ConcurrentQueue<(string Id, WorkflowStatus Status)> Ended { get; } = new();

        public ValueTask OnInstanceEndedAsync(WorkflowInstance instance, CancellationToken cancellationToken)
        {
            Ended.Enqueue((instance.Id, instance.Status));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Broken : IInstanceEndedHandler
    {
        public ValueTask OnInstanceEndedAsync(WorkflowInstance instance, CancellationToken cancellationToken) => throw new InvalidOperationException("broken module");
    }

    private static EngineHarness Create(Recorder recorder) => EngineHarness.Create(services: s =>
    {
        s.AddSingleton<IInstanceEndedHandler>(new Broken());
        s.AddSingleton<IInstanceEndedHandler>(recorder);
    });

    [Test]
    public async Task Handlers_hear_of_finished_faulted_and_cancelled_instances_but_not_of_waiting_ones_and_one_failing_does_not_stop_the_others()
    {
        var recorder = new Recorder();
        await using var engine = Create(recorder);

        var finished = await engine.RunAsync(Flow.Create("ok").Start().Log("log", "hi").Chain("start", "log").Build());
        var faulted = await engine.RunAsync(Flow.Create("bad").Start().Activity("fail", "Fail", new JsonObject { ["message"] = "no" }).Chain("start", "fail").Build());
        var waiting = await engine.RunAsync(Flow.Create("wait").Start().Activity("wait", "WaitForSignal", new JsonObject { ["signal"] = "go" }).Chain("start", "wait").Build());
        var endedBeforeCancel = recorder.Ended.Count;
        await engine.Runtime.CancelAsync(waiting.Id);

        Assert.That(endedBeforeCancel, Is.EqualTo(2), "a waiting instance has not ended");
        Assert.That(recorder.Ended, Is.EquivalentTo(new[]
        {
            (finished.Id, WorkflowStatus.Finished), (faulted.Id, WorkflowStatus.Faulted), (waiting.Id, WorkflowStatus.Cancelled),
        }));
    }
}
