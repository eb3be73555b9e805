using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class SwitchTests
{
    private static WorkflowDefinition Banding(string mode) => Flow.Create("switch-" + mode.ToLowerInvariant())
        .Input("amount", ValueTypes.Number, required: true)
        .Start()
        .Activity("band", "Switch", new JsonObject
        {
            ["cases"] = new JsonArray(
                new JsonObject { ["name"] = "Small", ["condition"] = "input.amount < 500" },
                new JsonObject { ["name"] = "Medium", ["condition"] = "input.amount < 10000" }),
            ["mode"] = mode,
        })
        .Log("small", "small").Log("medium", "medium").Log("large", "large")
        .Connect("start", "band")
        .Connect("band", "small", "Small")
        .Connect("band", "medium", "Medium")
        .Connect("band", "large", "Default")
        .Build();

    private static async Task<IReadOnlyList<string>> LogsAfter(EngineHarness engine, WorkflowDefinition flow, int amount)
    {
        var instance = await engine.RunAsync(flow, new JsonObject { ["amount"] = amount });
        instance.AssertStatus(WorkflowStatus.Finished);
        return (await engine.JournalAsync(instance.Id)).LogMessages();
    }

    [Test]
    public async Task First_match_takes_only_the_first_case_that_holds()
    {
        await using var engine = EngineHarness.Create();

        Assert.That(await LogsAfter(engine, Banding("FirstMatch"), 100), Is.EqualTo(new[] { "small" }));
    }

    [Test]
    public async Task All_matches_takes_every_case_that_holds()
    {
        await using var engine = EngineHarness.Create();

        Assert.That(await LogsAfter(engine, Banding("AllMatches"), 100), Is.EquivalentTo(new[] { "small", "medium" }));
    }

    [Test]
    public async Task A_later_case_matches_when_the_earlier_does_not()
    {
        await using var engine = EngineHarness.Create();

        Assert.That(await LogsAfter(engine, Banding("FirstMatch"), 600), Is.EqualTo(new[] { "medium" }));
    }

    [Test]
    public async Task Default_is_taken_when_no_case_holds()
    {
        await using var engine = EngineHarness.Create();
        var flow = Banding("FirstMatch");
        await engine.PublishAsync(flow);

        var instance = await engine.StartAsync(flow.Id, new JsonObject { ["amount"] = 20000 });

        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "large" }));
        Assert.That(journal.Single(e => e.Kind == JournalEventKind.ActivityCompleted && e.ActivityId == "band").Outcome, Is.EqualTo("Default"));
    }
}
