using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class ForEachTests
{
    [Test]
    public async Task Sequential_mode_runs_each_body_to_its_end_before_the_next_in_list_order()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("foreach-seq")
            .Start()
            .Activity("loop", "ForEach", new JsonObject { ["items"] = new JsonArray("a", "b", "c") })
            .Log("begin", Expr.Liquid("begin {{ variables.index }}:{{ variables.item }}"))
            .Log("finish", Expr.Liquid("finish {{ variables.item }}"))
            .Log("summary", Expr.Liquid("count {{ activities.loop.output.count }}"))
            .Connect("start", "loop")
            .Connect("loop", "begin", "Body")
            .Connect("begin", "finish")
            .Connect("loop", "summary")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[]
        {
            "begin 0:a", "finish a", "begin 1:b", "finish b", "begin 2:c", "finish c", "count 3",
        }));
        Assert.That(instance.OutputOf("loop")!["count"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task Parallel_mode_keeps_at_most_degree_bodies_waiting_and_finishes_them_all()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("foreach-parallel")
            .Variable("done", new JsonArray())
            .Start()
            .Activity("loop", "ForEach", new JsonObject
            {
                ["items"] = Expr.Js("input.invoices"),
                ["mode"] = "Parallel",
                ["degreeOfParallelism"] = 2,
            })
            .Activity("wait", "WaitForSignal", new JsonObject { ["signal"] = "checked", ["correlationId"] = Expr.Js("variables.item") })
            .Set("record", "done", Expr.Js("variables.done.concat([variables.item])"))
            .Connect("start", "loop")
            .Connect("loop", "wait", "Body")
            .Connect("wait", "record")
            .Build();
        await engine.PublishAsync(flow);

        var instance = await engine.StartAsync(flow.Id, new JsonObject { ["invoices"] = new JsonArray("i1", "i2", "i3", "i4") });

        Assert.That(Waiting(instance), Is.EquivalentTo(new[] { "i1", "i2" }));
        foreach (var (signal, stillWaiting) in new[]
                 {
                     ("i2", new[] { "i1", "i3" }), ("i1", new[] { "i3", "i4" }), ("i4", new[] { "i3" }), ("i3", Array.Empty<string>()),
                 })
        {
            Assert.That(await engine.Runtime.SignalAsync("checked", signal, null), Is.EqualTo(new[] { instance.Id }));
            instance = await engine.GetAsync(instance.Id);
            Assert.That(Waiting(instance), Is.EquivalentTo(stillWaiting), $"after signalling {signal}");
        }

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Variable("done")!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "i2", "i1", "i4", "i3" }));
        Assert.That(instance.OutputOf("loop")!["count"]!.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public async Task Parallel_mode_with_human_tasks_opens_at_most_degree_tasks_at_once()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("foreach-tasks")
            .Start()
            .Activity("loop", "ForEach", new JsonObject { ["items"] = new JsonArray("x", "y", "z"), ["mode"] = "Parallel", ["degreeOfParallelism"] = 2 })
            .Activity("review", "HumanTask", new JsonObject { ["title"] = Expr.Liquid("Review {{ variables.item }}") })
            .Connect("start", "loop")
            .Connect("loop", "review", "Body")
            .Build();

        var instance = await engine.RunAsync(flow);

        var titlesSeen = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var open = await engine.TasksAsync(instance.Id, HumanTaskStatus.Open);
            Assert.That(open, Has.Count.InRange(1, 2), $"round {round}");
            titlesSeen.AddRange(open.Select(t => t.Title));
            await engine.Runtime.CompleteTaskAsync(open.OrderBy(t => t.Title).First().Id, "ann", null, null);
        }

        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That(titlesSeen.Distinct(), Is.EquivalentTo(new[] { "Review x", "Review y", "Review z" }));
        Assert.That(await engine.TasksAsync(instance.Id, HumanTaskStatus.Completed), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task An_empty_list_skips_the_body_and_counts_zero()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("foreach-empty")
            .Start()
            .Activity("loop", "ForEach", new JsonObject { ["items"] = new JsonArray() })
            .Log("body", "should not run")
            .Log("after", Expr.Liquid("count {{ activities.loop.output.count }}"))
            .Connect("start", "loop")
            .Connect("loop", "body", "Body")
            .Connect("loop", "after")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "count 0" }));
    }

    [Test]
    public async Task Item_and_index_variables_take_the_names_given()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("foreach-names")
            .Start()
            .Activity("loop", "ForEach", new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["name"] = "Ada" }, new JsonObject { ["name"] = "Grace" }),
                ["itemVariable"] = "person",
                ["indexVariable"] = "position",
            })
            .Log("greet", Expr.Js("'#' + (variables.position + 1) + ' ' + variables.person.name"))
            .Connect("start", "loop")
            .Connect("loop", "greet", "Body")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "#1 Ada", "#2 Grace" }));
        Assert.That(instance.Variable("person"), Is.Null, "the loop item belongs to the iteration, not to the workflow");
    }

    private static IEnumerable<string> Waiting(WorkflowInstance instance) =>
        instance.Waits(BookmarkKinds.Signal).Select(b => b.CorrelationId!);
}
