using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Expressions;

public class ExpressionTests
{
    [Test]
    public async Task JavaScript_sees_input_variables_and_earlier_activity_outputs()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("js-scope")
            .Input("amount", ValueTypes.Number)
            .Variable("vatRate", 0.2)
            .Output("summary")
            .Start()
            .Activity("lookup", "Script", new JsonObject { ["code"] = "({ supplier: 'Acme', account: 4711 })" })
            .Set("compose", "summary", Expr.Js(
                "`${activities.lookup.output.supplier}/${activities.lookup.output.account}: ${input.amount * (1 + variables.vatRate)}`"))
            .Chain("start", "lookup", "compose")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["amount"] = 100 });

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Output!["summary"]!.GetValue<string>(), Is.EqualTo("Acme/4711: 120"));
    }

    [Test]
    public async Task JavaScript_sees_the_instance()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("js-instance")
            .Output("who")
            .Start()
            .Set("set", "who", Expr.Js("instance.definitionId + '/' + instance.correlationId + '/' + (instance.id.length > 0)"))
            .Chain("start", "set")
            .Build();

        var instance = await engine.RunAsync(flow, correlationId: "FOI-2025-001");

        Assert.That(instance.Output!["who"]!.GetValue<string>(), Is.EqualTo("js-instance/FOI-2025-001/true"));
    }

    [Test]
    public async Task JavaScript_values_keep_their_json_types()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("js-types")
            .Output("value")
            .Start()
            .Set("set", "value", Expr.Js("({ n: 1.5, whole: 2, yes: true, none: null, list: ['a'], when: new Date(Date.UTC(2025, 0, 2)) })"))
            .Chain("start", "set")
            .Build();

        var value = (await engine.RunAsync(flow)).Output!["value"]!;

        Assert.That(value["n"]!.GetValue<double>(), Is.EqualTo(1.5));
        Assert.That(value["whole"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(value["yes"]!.GetValue<bool>(), Is.True);
        Assert.That(value["none"], Is.Null);
        Assert.That(value["list"]![0]!.GetValue<string>(), Is.EqualTo("a"));
        Assert.That(value["when"]!.GetValue<string>(), Does.StartWith("2025-01-02T00:00:00"));
    }

    [Test]
    public async Task Liquid_renders_input_variables_and_activity_outputs()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("liquid")
            .Input("name", ValueTypes.String)
            .Variable("items", new JsonArray("rates", "parking"))
            .Output("letter")
            .Start()
            .Activity("ref", "Script", new JsonObject { ["code"] = "({ number: 'FOI-7' })" })
            .Set("write", "letter", Expr.Liquid(
                "Dear {{ input.name | upcase }}, about {{ activities.ref.output.number }}: {% for i in variables.items %}{{ i }}{% unless forloop.last %}, {% endunless %}{% endfor %}."))
            .Chain("start", "ref", "write")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["name"] = "Ada" });

        Assert.That(instance.Output!["letter"]!.GetValue<string>(), Is.EqualTo("Dear ADA, about FOI-7: rates, parking."));
    }

    [Test]
    public async Task A_failing_expression_faults_its_activity_naming_the_input()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("js-error")
            .Start()
            .Log("greet", Expr.Js("'Hello ' + input.customer.name"))
            .Chain("start", "greet")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        var incident = instance.State.Incidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo("greet"));
        Assert.That(incident.Message, Does.StartWith("Input 'message': Expression `'Hello ' + input.customer.name` threw an error"));
        Assert.That(incident.Message, Does.Contain("name"));
    }

    [Test]
    public async Task An_expression_result_of_the_wrong_type_faults_naming_the_input()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("js-wrong-type")
            .Start()
            .Activity("loop", "ForEach", new JsonObject { ["items"] = Expr.Js("'not a list'") })
            .Connect("start", "loop")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.State.Incidents.Single().Message, Does.Contain("Input 'items'").And.Contain("expected an array"));
    }
}
