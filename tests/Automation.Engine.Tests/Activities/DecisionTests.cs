using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class DecisionTests
{
    private static WorkflowDefinition AmountCheck() => Flow.Create("decision")
        .Input("amount", ValueTypes.Number, required: true)
        .Start()
        .Activity("check", "Decision", new JsonObject { ["condition"] = Expr.Js("input.amount > 500") })
        .Log("big", "big order")
        .Log("small", "small order")
        .Connect("start", "check")
        .Connect("check", "big", "True")
        .Connect("check", "small", "False")
        .Build();

    [TestCase(501, "True", "big")]
    [TestCase(500, "False", "small")]
    public async Task Takes_the_port_the_condition_on_the_input_chooses(int amount, string port, string taken)
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(AmountCheck(), new JsonObject { ["amount"] = amount });

        instance.AssertStatus(WorkflowStatus.Finished);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "check").Outcome, Is.EqualTo(port));
        Assert.That(journal.Completed(), Is.EqualTo(new[] { "start", "check", taken }));
    }
}
