using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class SetVariableTests
{
    [Test]
    public async Task Sets_literal_and_expression_values_that_later_steps_read()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("set-variable")
            .Input("amount", ValueTypes.Number)
            .Variable("label", "unset")
            .Variable("doubled")
            .Variable("order")
            .Output("summary")
            .Start()
            .Set("setLabel", "label", "invoice")
            .Set("setDoubled", "doubled", Expr.Js("input.amount * 2"))
            .Set("setOrder", "order", Expr.Js("({ ref: 'PO-1', lines: [1, 2] })"))
            .Set("setSummary", "summary", Expr.Js("variables.label + ':' + variables.doubled + ':' + variables.order.lines.length"))
            .Chain("start", "setLabel", "setDoubled", "setOrder", "setSummary")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["amount"] = 21 });

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Variable("label")!.GetValue<string>(), Is.EqualTo("invoice"));
        Assert.That(instance.Variable("doubled")!.GetValue<long>(), Is.EqualTo(42));
        Assert.That(instance.Variable("order")!["ref"]!.GetValue<string>(), Is.EqualTo("PO-1"));
        Assert.That(instance.Output!["summary"]!.GetValue<string>(), Is.EqualTo("invoice:42:2"));
    }

    [Test]
    public async Task An_undeclared_variable_is_created_in_the_workflow_variables()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("set-undeclared").Start().Set("set", "note", "kept").Chain("start", "set").Build();

        var instance = await engine.RunAsync(flow);

        Assert.That(instance.Variable("note")!.GetValue<string>(), Is.EqualTo("kept"));
    }
}
