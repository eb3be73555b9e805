using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class LogTests
{
    [Test]
    public async Task Writes_a_literal_message_to_the_journal()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("log").Start().Log("note", "Case opened").Chain("start", "note").Build();

        var instance = await engine.RunAsync(flow);

        var entry = (await engine.JournalAsync(instance.Id)).Single(e => e.Kind == JournalEventKind.Log);
        Assert.That(entry.ActivityId, Is.EqualTo("note"));
        Assert.That(entry.Message, Is.EqualTo("Case opened"));
        Assert.That(entry.Data!["level"]!.GetValue<string>(), Is.EqualTo("Information"));
    }

    [Test]
    public async Task Renders_a_liquid_message_with_input_variables_and_level()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("log-liquid")
            .Input("name", ValueTypes.String)
            .Variable("count", 3)
            .Start()
            .Activity("warn", "Log", new JsonObject
            {
                ["message"] = Expr.Liquid("Hello {{ input.name }}, you have {{ variables.count | plus: 1 }} letters"),
                ["level"] = "Warning",
            })
            .Chain("start", "warn")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["name"] = "Ada" });

        var entry = (await engine.JournalAsync(instance.Id)).Single(e => e.Kind == JournalEventKind.Log);
        Assert.That(entry.Message, Is.EqualTo("Hello Ada, you have 4 letters"));
        Assert.That(entry.Data!["level"]!.GetValue<string>(), Is.EqualTo("Warning"));
    }
}
