using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class RunWorkflowTests
{
    private static WorkflowDefinition Parent(string childId) => Flow.Create("parent")
        .Input("name", ValueTypes.String)
        .Output("result")
        .Start()
        .Activity("child", "RunWorkflow", new JsonObject { ["workflowId"] = childId, ["input"] = Expr.Js("({ name: input.name })") })
        .Set("keep", "result", Expr.Js("activities.child.output.output.greeting"))
        .Chain("start", "child", "keep")
        .Build();

    private static WorkflowDefinition Greeter() => Flow.Create("greeter")
        .Input("name", ValueTypes.String, required: true)
        .Output("greeting")
        .Start()
        .Set("greet", "greeting", Expr.Liquid("Hello {{ input.name }}"))
        .Chain("start", "greet")
        .Build();

    private static WorkflowDefinition AskFirst() => Flow.Create("ask-first")
        .Input("name", ValueTypes.String)
        .Output("greeting")
        .Start()
        .Activity("ask", "HumanTask", new JsonObject { ["title"] = Expr.Liquid("May we greet {{ input.name }}?") })
        .Set("greet", "greeting", Expr.Liquid("Hello {{ input.name }}"))
        .Chain("start", "ask", "greet")
        .Build();

    [Test]
    public async Task A_child_that_finishes_gives_its_output_to_the_parent()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Greeter());

        var parent = await engine.RunAsync(Parent("greeter"), new JsonObject { ["name"] = "Ada" });

        parent.AssertStatus(WorkflowStatus.Finished);
        Assert.That(parent.Output!["result"]!.GetValue<string>(), Is.EqualTo("Hello Ada"));
        var output = parent.OutputOf("child")!;
        Assert.That(output["status"]!.GetValue<string>(), Is.EqualTo("Finished"));
        var child = await engine.GetAsync(output["instanceId"]!.GetValue<string>());
        child.AssertStatus(WorkflowStatus.Finished);
        Assert.That(child.ParentInstanceId, Is.EqualTo(parent.Id));
        Assert.That(child.DefinitionId, Is.EqualTo("greeter"));
    }

    [Test]
    public async Task A_child_that_faults_faults_the_parent()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Flow.Create("broken")
            .Input("name", ValueTypes.String)
            .Start()
            .Activity("stop", "Fail", new JsonObject { ["message"] = "No register entry" })
            .Chain("start", "stop")
            .Build());

        var parent = await engine.RunAsync(Parent("broken"), new JsonObject { ["name"] = "Ada" });

        parent.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(parent.FaultMessage, Does.Contain("ended faulted").And.Contain("No register entry"));
        Assert.That(parent.State.Incidents.Single().ActivityId, Is.EqualTo("child"));
        var child = (await engine.Instances.ListChildrenAsync(parent.Id)).Single();
        Assert.That(child.Status, Is.EqualTo(WorkflowStatus.Faulted));
    }

    [Test]
    public async Task A_parent_waits_suspended_until_its_child_task_is_completed()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(AskFirst());

        var parent = await engine.RunAsync(Parent("ask-first"), new JsonObject { ["name"] = "Grace" });

        parent.AssertStatus(WorkflowStatus.Suspended);
        Assert.That(parent.Waits(BookmarkKinds.ChildWorkflow), Has.Count.EqualTo(1));
        var child = (await engine.Instances.ListChildrenAsync(parent.Id)).Single();
        Assert.That(child.Status, Is.EqualTo(WorkflowStatus.Suspended));
        var task = await engine.SingleOpenTaskAsync(child.Id);
        Assert.That(task.Title, Is.EqualTo("May we greet Grace?"));

        await engine.Runtime.CompleteTaskAsync(task.Id, "ann", null, null);

        parent = (await engine.GetAsync(parent.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That(parent.Output!["result"]!.GetValue<string>(), Is.EqualTo("Hello Grace"));
    }

    [Test]
    public async Task Cancelling_the_parent_cancels_the_child_and_its_task()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(AskFirst());
        var parent = await engine.RunAsync(Parent("ask-first"), new JsonObject { ["name"] = "Grace" });
        var child = (await engine.Instances.ListChildrenAsync(parent.Id)).Single();
        var task = await engine.SingleOpenTaskAsync(child.Id);

        var cancelled = await engine.Runtime.CancelAsync(parent.Id);

        cancelled.AssertStatus(WorkflowStatus.Cancelled);
        (await engine.GetAsync(child.Id)).AssertStatus(WorkflowStatus.Cancelled);
        Assert.That((await engine.Tasks.GetAsync(task.Id))!.Status, Is.EqualTo(HumanTaskStatus.Cancelled));
    }

    [Test]
    public async Task Cancelling_the_child_faults_the_parent_that_waits_for_it()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(AskFirst());
        var parent = await engine.RunAsync(Parent("ask-first"), new JsonObject { ["name"] = "Grace" });
        var child = (await engine.Instances.ListChildrenAsync(parent.Id)).Single();

        await engine.Runtime.CancelAsync(child.Id);

        parent = (await engine.GetAsync(parent.Id)).AssertStatus(WorkflowStatus.Faulted);
        Assert.That(parent.FaultMessage, Does.Contain("ended cancelled"));
    }

    [Test]
    public async Task A_child_workflow_that_is_not_published_faults_the_step_and_a_retry_after_publishing_runs_it()
    {
        await using var engine = EngineHarness.Create();

        var parent = await engine.RunAsync(Parent("greeter"), new JsonObject { ["name"] = "Ada" });

        parent.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(parent.FaultMessage, Does.Contain("Child workflow 'greeter' has no published version"));
        Assert.That(parent.State.Incidents.Single().ActivityId, Is.EqualTo("child"));

        await engine.PublishAsync(Greeter());
        parent = await engine.Runtime.RetryAsync(parent.Id);

        parent.AssertStatus(WorkflowStatus.Finished);
        Assert.That(parent.Output!["result"]!.GetValue<string>(), Is.EqualTo("Hello Ada"));
    }

    [Test]
    public async Task Input_the_child_does_not_accept_faults_the_step()
    {
        await using var engine = EngineHarness.Create();
        await engine.PublishAsync(Greeter());

        var parent = await engine.RunAsync(Parent("greeter"), new JsonObject());

        parent.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(parent.FaultMessage, Does.Contain("'name' is required"));
        Assert.That(await engine.Instances.ListChildrenAsync(parent.Id), Is.Empty);
    }
}
