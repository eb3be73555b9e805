using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Hosting;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Runtime;
using Automation.Engine.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Tests;

public class SmokeTests
{
    [Test]
    public async Task Hello_approval_runs()
    {
        var services = new ServiceCollection().AddLogging();
        var store = new InMemoryStore();
        services.AddSingleton<IDefinitionStore>(new InMemoryDefinitionStore(store));
        services.AddSingleton<IInstanceStore>(new InMemoryInstanceStore(store));
        services.AddSingleton<ITaskStore>(new InMemoryTaskStore(store));
        services.AddWorkflowEngine();
        await using var sp = services.BuildServiceProvider();
        var defs = sp.GetRequiredService<IDefinitionStore>();
        var json = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../samples/workflows/hello-approval.workflow.json"));
        var def = JsonSerializer.Deserialize<WorkflowDefinition>(json, EngineJson.Options)!;
        var errors = new Automation.Engine.Validation.WorkflowValidator(sp.GetRequiredService<Automation.Engine.Activities.Framework.ActivityRegistry>()).Validate(def);
        Assert.That(errors, Is.Empty, string.Join("\n", errors));
        await defs.SaveDraftAsync(def, "t");
        await defs.PublishAsync(def.Id, null, "t");
        var runtime = sp.GetRequiredService<IWorkflowRuntime>();
        var inst = await runtime.StartAsync(new StartRequest { DefinitionId = def.Id, Input = new JsonObject { ["name"] = "Ada" }, Wait = true });
        Assert.That(inst.Status, Is.EqualTo(WorkflowStatus.Suspended));
        var tasks = await sp.GetRequiredService<ITaskStore>().ListAsync(new TaskQuery());
        Assert.That(tasks.Items, Has.Count.EqualTo(1));
        await runtime.CompleteTaskAsync(tasks.Items[0].Id, "bob", "Reject", new JsonObject { ["comment"] = "no" });
        var after = await sp.GetRequiredService<IInstanceStore>().GetAsync(inst.Id);
        Assert.That(after!.Status, Is.EqualTo(WorkflowStatus.Finished));
        var journal = await sp.GetRequiredService<IInstanceStore>().GetJournalAsync(inst.Id);
        TestContext.Out.WriteLine(string.Join("\n", journal.Select(j => $"{j.Sequence} {j.Kind} {j.ActivityId} {j.Outcome} {j.Message}")));
    }
}
