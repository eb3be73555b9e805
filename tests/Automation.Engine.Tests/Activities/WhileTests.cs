using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class WhileTests
{
    [Test]
    public async Task Repeats_the_body_while_the_condition_holds_with_a_set_variable_counter()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("while-set")
            .Variable("counter", 0)
            .Start()
            .Activity("loop", "While", new JsonObject { ["condition"] = "variables.counter < 3" })
            .Set("increment", "counter", Expr.Js("variables.counter + 1"))
            .Log("after", Expr.Liquid("{{ variables.counter }} after {{ activities.loop.output.iterations }} rounds"))
            .Connect("start", "loop")
            .Connect("loop", "increment", "Body")
            .Connect("loop", "after")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Variable("counter")!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(instance.OutputOf("loop")!["iterations"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "3 after 3 rounds" }));
    }

    [Test]
    public async Task Repeats_the_body_with_a_script_counter()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("while-script")
            .Variable("counter", 0)
            .Start()
            .Activity("loop", "While", new JsonObject { ["condition"] = Expr.Js("variables.counter < 5") })
            .Activity("step", "Script", new JsonObject { ["code"] = "variables.counter = variables.counter + 2;" })
            .Connect("start", "loop")
            .Connect("loop", "step", "Body")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Variable("counter")!.GetValue<long>(), Is.EqualTo(6));
        Assert.That(instance.OutputOf("loop")!["iterations"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_condition_that_never_turns_false_faults_after_max_iterations()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("while-runaway")
            .Start()
            .Activity("loop", "While", new JsonObject { ["condition"] = "true", ["maxIterations"] = 5 })
            .Log("body", "round")
            .Log("after", "should not run")
            .Connect("start", "loop")
            .Connect("loop", "body", "Body")
            .Connect("loop", "after")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("The loop ran 5 times and its condition still holds"));
        Assert.That(instance.State.Incidents.Single().ActivityId, Is.EqualTo("loop"));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(Enumerable.Repeat("round", 5)));
    }
}
