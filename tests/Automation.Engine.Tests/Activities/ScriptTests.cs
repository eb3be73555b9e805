using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class ScriptTests
{
    private static WorkflowDefinition OneScript(string code) => Flow.Create("script")
        .Input("lines", ValueTypes.Array)
        .Variable("total", 0)
        .Variable("customer", new JsonObject { ["name"] = "Ada" })
        .Variable("untouched", "same")
        .Start()
        .Activity("run", "Script", new JsonObject { ["code"] = code })
        .Chain("start", "run")
        .Build();

    [Test]
    public async Task The_last_value_is_the_output()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(OneScript("const amounts = input.lines.map(l => l.amount); ({ count: amounts.length, max: Math.max(...amounts) })"),
            new JsonObject { ["lines"] = new JsonArray(new JsonObject { ["amount"] = 5 }, new JsonObject { ["amount"] = 9 }) });

        instance.AssertStatus(WorkflowStatus.Finished);
        var output = instance.OutputOf("run")!;
        Assert.That(output["count"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(output["max"]!.GetValue<long>(), Is.EqualTo(9));
    }

    [Test]
    public async Task Assignments_to_variables_are_kept()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(OneScript(
                "variables.total = input.lines.reduce((s, l) => s + l.amount, 0); variables.customer.name = 'Grace'; variables.added = true;"),
            new JsonObject { ["lines"] = new JsonArray(new JsonObject { ["amount"] = 5 }, new JsonObject { ["amount"] = 9 }) });

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Variable("total")!.GetValue<long>(), Is.EqualTo(14));
        Assert.That(instance.Variable("customer")!["name"]!.GetValue<string>(), Is.EqualTo("Grace"));
        Assert.That(instance.Variable("added")!.GetValue<bool>(), Is.True);
        Assert.That(instance.Variable("untouched")!.GetValue<string>(), Is.EqualTo("same"));
    }

    [Test]
    public async Task A_script_error_faults_the_step_with_the_error_and_its_line()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(OneScript("const x = 1;\nthrow new Error('no such supplier');"), new JsonObject { ["lines"] = new JsonArray() });

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.State.Incidents.Single().Message, Does.Contain("no such supplier").And.Contain("line 2"));
    }
}
