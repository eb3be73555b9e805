using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Automation.Engine.Tests.Activities;

public class HumanTaskTests
{
    private static WorkflowDefinition Approval() => Flow.Create("approval")
        .Input("name", ValueTypes.String, required: true)
        .Start()
        .Activity("approve", "HumanTask", new JsonObject
        {
            ["title"] = Expr.Liquid("Approve request from {{ input.name }}"),
            ["description"] = "Check the budget code.",
            ["role"] = "operator",
            ["outcomes"] = new JsonArray("Approve", "Reject"),
            ["formSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["comment"] = new JsonObject { ["type"] = "string" } },
            },
            ["dueIn"] = "2.00:00:00",
        })
        .Log("approved", Expr.Liquid("Approved by {{ activities.approve.output.completedBy }}"))
        .Log("rejected", Expr.Liquid("Rejected: {{ activities.approve.output.data.comment }}"))
        .Connect("start", "approve")
        .Connect("approve", "approved", "Approve")
        .Connect("approve", "rejected", "Reject")
        .Build();

    [Test]
    public async Task Creates_a_task_with_title_role_form_and_due_date_and_waits()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
        await using var engine = EngineHarness.Create(clock);

        var instance = await engine.RunAsync(Approval(), new JsonObject { ["name"] = "Ada" });

        instance.AssertStatus(WorkflowStatus.Suspended);
        var task = await engine.SingleOpenTaskAsync(instance.Id);
        Assert.That(task.Title, Is.EqualTo("Approve request from Ada"));
        Assert.That(task.Description, Is.EqualTo("Check the budget code."));
        Assert.That(task.Role, Is.EqualTo("operator"));
        Assert.That(task.Assignee, Is.Null);
        Assert.That(task.ActivityId, Is.EqualTo("approve"));
        Assert.That(task.DefinitionId, Is.EqualTo("approval"));
        Assert.That(task.FormSchema!["properties"]!["comment"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(task.DueAt, Is.EqualTo(new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(instance.Waits(BookmarkKinds.HumanTask).Single().Id, Is.EqualTo(task.BookmarkId));
        var visibleToOperators = await engine.Tasks.ListAsync(new Automation.Engine.Persistence.TaskQuery { Roles = ["operator"] });
        Assert.That(visibleToOperators.Items.Select(t => t.Id), Is.EqualTo(new[] { task.Id }));
    }

    [TestCase("Approve", "Approved by bob")]
    [TestCase("Reject", "Rejected: over budget")]
    public async Task The_chosen_outcome_routes_the_flow_and_the_form_data_becomes_the_output(string outcome, string logged)
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Approval(), new JsonObject { ["name"] = "Ada" });
        var task = await engine.SingleOpenTaskAsync(instance.Id);

        var completed = await engine.Runtime.CompleteTaskAsync(task.Id, "bob", outcome, new JsonObject { ["comment"] = "over budget" });

        Assert.That(completed.Status, Is.EqualTo(HumanTaskStatus.Completed));
        Assert.That(completed.CompletedBy, Is.EqualTo("bob"));
        instance = (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { logged }));
        var output = instance.OutputOf("approve")!;
        Assert.That(output["outcome"]!.GetValue<string>(), Is.EqualTo(outcome));
        Assert.That(output["data"]!["comment"]!.GetValue<string>(), Is.EqualTo("over budget"));
        var stored = (await engine.Tasks.GetAsync(task.Id))!;
        Assert.That(stored.Status, Is.EqualTo(HumanTaskStatus.Completed));
        Assert.That(stored.Result!["outcome"]!.GetValue<string>(), Is.EqualTo(outcome));
    }

    [Test]
    public async Task Without_an_outcome_the_first_one_is_taken()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Approval(), new JsonObject { ["name"] = "Ada" });

        await engine.Runtime.CompleteTaskAsync((await engine.SingleOpenTaskAsync(instance.Id)).Id, "bob", null, null);

        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "Approved by bob" }));
    }

    [Test]
    public async Task An_outcome_the_task_does_not_offer_is_refused_and_the_task_stays_open()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Approval(), new JsonObject { ["name"] = "Ada" });
        var task = await engine.SingleOpenTaskAsync(instance.Id);

        var error = Assert.ThrowsAsync<TaskCompletionException>(() => engine.Runtime.CompleteTaskAsync(task.Id, "bob", "Escalate", null));

        Assert.That(error!.Message, Does.Contain("'Escalate'").And.Contain("Approve, Reject"));
        Assert.That((await engine.Tasks.GetAsync(task.Id))!.Status, Is.EqualTo(HumanTaskStatus.Open));
        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Suspended);
    }

    [Test]
    public async Task Completing_a_task_twice_is_refused_and_the_flow_continues_once()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Approval(), new JsonObject { ["name"] = "Ada" });
        var task = await engine.SingleOpenTaskAsync(instance.Id);
        await engine.Runtime.CompleteTaskAsync(task.Id, "bob", "Approve", null);

        var error = Assert.ThrowsAsync<TaskStateException>(() => engine.Runtime.CompleteTaskAsync(task.Id, "bob", "Reject", null));

        Assert.That(error!.Message, Does.Contain("already completed"));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "Approved by bob" }));
    }

    [Test]
    public async Task A_task_claimed_by_someone_else_cannot_be_completed_but_its_claimer_can()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Approval(), new JsonObject { ["name"] = "Ada" });
        var task = await engine.SingleOpenTaskAsync(instance.Id);
        Assert.That(await engine.Tasks.TryClaimAsync(task.Id, "alice"), Is.True);
        Assert.That(await engine.Tasks.TryClaimAsync(task.Id, "bob"), Is.False);

        var error = Assert.ThrowsAsync<TaskStateException>(() => engine.Runtime.CompleteTaskAsync(task.Id, "bob", "Approve", null));
        Assert.That(error!.Message, Does.Contain("claimed by alice"));
        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Suspended);

        await engine.Runtime.CompleteTaskAsync(task.Id, "alice", "Approve", null);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "Approved by alice" }));
    }

    [Test]
    public void Completing_a_task_that_does_not_exist_is_refused()
    {
        Assert.ThrowsAsync<TaskNotFoundException>(async () =>
        {
            await using var engine = EngineHarness.Create();
            await engine.Runtime.CompleteTaskAsync("no-such-task", "bob", null, null);
        });
    }
}
