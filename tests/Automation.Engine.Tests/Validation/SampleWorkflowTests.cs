using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Automation.Engine.Serialization;
using Automation.Engine.Tests.Support;
using Automation.Engine.Validation;

namespace Automation.Engine.Tests.Validation;

/// <summary>The sample workflows shipped in samples/workflows are valid and do what their descriptions say.</summary>
public class SampleWorkflowTests
{
    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "workflows");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("samples/workflows not found above " + TestContext.CurrentContext.TestDirectory);
    }

    private static WorkflowDefinition Load(string fileName) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(File.ReadAllText(Path.Combine(SamplesFolder(), fileName)), EngineJson.Options)!;

    public static IEnumerable<string> Samples() =>
        Directory.GetFiles(SamplesFolder(), "*.workflow.json").Select(Path.GetFileName).Order()!;

    [Test]
    public void There_are_samples()
    {
        Assert.That(Samples(), Is.Not.Empty);
    }

    // Samples that begin at a server trigger (Schedule, HttpEndpoint, EmailReceived) are validated by the server's
    // sample import tests, which have every activity; here, the engine's own activities.
    public static IEnumerable<string> EngineSamples() =>
        Samples().Where(f => Load(f).Activities.All(a => ActivityRegistry.Create().TryGet(a.Type, out _)));

    [TestCaseSource(nameof(EngineSamples))]
    public void Validates_with_no_errors(string fileName)
    {
        var registry = ActivityRegistry.Create();
        var definition = Load(fileName);
        var errors = new WorkflowValidator(registry).Validate(definition);

        Assert.That(errors, Is.Empty, string.Join("\n", errors));
    }

    [Test]
    public async Task Batch_greetings_greets_every_name_and_counts_them()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(Load("batch-greetings.workflow.json"));

        instance.AssertStatus(WorkflowStatus.Finished);
        var logs = (await engine.JournalAsync(instance.Id)).LogMessages();
        Assert.That(logs.Take(4), Is.EquivalentTo(new[]
        {
            "Hello Ada (number 1)", "Hello Grace (number 2)", "Hello Alan (number 3)", "Hello Margaret (number 4)",
        }));
        Assert.That(logs.Last(), Is.EqualTo("Greeted 4 people"));
    }

    [TestCase(100, "team-leader", 5, "routed to team-leader")]
    [TestCase(2500, "budget-holder", 5, "routed to budget-holder")]
    [TestCase(50000, "finance", 10, "needs finance review")]
    public async Task Order_routing_chooses_approver_and_deadline_by_amount(int amount, string approver, int slaDays, string logged)
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(Load("order-routing.workflow.json"), new JsonObject { ["reference"] = "PO-1", ["amount"] = amount });

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.Output!["approver"]!.GetValue<string>(), Is.EqualTo(approver));
        Assert.That(instance.Output!["slaDays"]!.GetValue<long>(), Is.EqualTo(slaDays));
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages().Last(), Does.Contain(logged));
    }

    [Test]
    public async Task Hello_approval_waits_for_the_operator_then_records_a_rejection()
    {
        await using var engine = EngineHarness.Create();
        var instance = await engine.RunAsync(Load("hello-approval.workflow.json"), new JsonObject { ["name"] = "Ada" });
        instance.AssertStatus(WorkflowStatus.Suspended);
        var task = await engine.SingleOpenTaskAsync(instance.Id);
        Assert.That(task.Title, Is.EqualTo("Approve request from Ada"));

        await engine.Runtime.CompleteTaskAsync(task.Id, "bob", "Reject", new JsonObject { ["comment"] = "no budget" });

        (await engine.GetAsync(instance.Id)).AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[]
        {
            "Hello Ada, your request is waiting for approval", "Rejected: no budget",
        }));
    }
}
