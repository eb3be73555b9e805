using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class StartEndTests
{
    [Test]
    public async Task Start_to_end_finishes_with_a_journal_of_each_step()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(Flow.Create("start-end").Start().End().Chain("start", "end").Build());

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.FinishedAt, Is.Not.Null);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Select(e => e.Kind).First(), Is.EqualTo(JournalEventKind.InstanceStarted));
        Assert.That(journal.Select(e => e.Kind).Last(), Is.EqualTo(JournalEventKind.InstanceFinished));
        Assert.That(journal.Completed(), Is.EqualTo(new[] { "start", "end" }));
        Assert.That(journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "start").Outcome, Is.EqualTo("Done"));
        Assert.That(journal.Select(e => e.Sequence), Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public async Task The_instance_finishes_only_when_every_path_has_ended_and_returns_its_outputs()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("two-paths")
            .Output("a").Output("b")
            .Start()
            .Set("setA", "a", "first")
            .Set("setB", "b", Expr.Js("1 + 1"))
            .End("endA").End("endB")
            .Chain("start", "setA", "endA")
            .Chain("start", "setB", "endB")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Output!["a"]!.GetValue<string>(), Is.EqualTo("first"));
        Assert.That(instance.Output!["b"]!.GetValue<long>(), Is.EqualTo(2));
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Completed(), Is.SupersetOf(new[] { "endA", "endB" }));
        Assert.That(journal.Count(JournalEventKind.InstanceFinished), Is.EqualTo(1));
    }

    [Test]
    public async Task Start_input_is_checked_against_the_declared_inputs_and_defaults_applied()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("inputs")
            .Input("name", ValueTypes.String, required: true)
            .Input("greeting", ValueTypes.String, @default: "Hello")
            .Output("text")
            .Start()
            .Set("compose", "text", Expr.Liquid("{{ input.greeting }} {{ input.name }}"))
            .Chain("start", "compose")
            .Build();
        await engine.PublishAsync(flow);

        var missing = Assert.ThrowsAsync<Automation.Engine.Runtime.InvalidWorkflowInputException>(() => engine.StartAsync("inputs"));
        Assert.That(missing!.Errors.Select(e => (e.Code, e.Field, e.Message)), Has.Some.EqualTo(("missing-input", "input.name", "'name' is required")));
        var wrongType = Assert.ThrowsAsync<Automation.Engine.Runtime.InvalidWorkflowInputException>(
            () => engine.StartAsync("inputs", new JsonObject { ["name"] = 42 }));
        Assert.That(wrongType!.Errors.Select(e => e.Message), Has.Some.Contains("'name' must be a string"));

        var instance = await engine.StartAsync("inputs", new JsonObject { ["name"] = "Ada" });
        Assert.That(instance.Output!["text"]!.GetValue<string>(), Is.EqualTo("Hello Ada"));
    }
}
