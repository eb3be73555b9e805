using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Tests.Support;
using Automation.Engine.Triggers;
using Automation.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Tests.Triggers;

public class TriggerTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create(typeof(TestHookTrigger).Assembly);

    private static Flow Hooked(string id, JsonNode? path = null) => Flow.Create(id)
        .Activity("hook", "TestHook", new JsonObject { ["path"] = path ?? "/FOI/Requests/" })
        .Log("log", Expr.Js("'request from ' + input.from"))
        .End()
        .Chain("hook", "log", "end");

    private static EngineHarness Engine() => EngineHarness.Create(services: s =>
    {
        s.AddSingleton(Registry);
        s.AddSingleton<ITriggerStore, InMemoryTriggerStore>();
    });

    [Test]
    public void A_trigger_takes_the_place_of_Start()
    {
        var validator = new WorkflowValidator(Registry);
        Assert.That(validator.Validate(Hooked("foi-intake").Build()), Is.Empty);
        Assert.That(Registry.TryGet("TestHook", out var hookType) && hookType.Descriptor.IsTrigger, Is.True, "the designer learns it is a trigger from the descriptor");

        var both = Hooked("both").Start().Connect("start", "log").Build();
        Assert.That(validator.Validate(both).Select(e => (e.Code, e.ActivityId)), Is.EquivalentTo(new[] { ("multiple-starts", "start") }));
    }

    [Test]
    public void A_trigger_setting_must_be_a_value_that_passes_the_triggers_own_checks()
    {
        var validator = new WorkflowValidator(Registry);

        var expression = validator.Validate(Hooked("expr", Expr.Js("variables.path")).Build());
        Assert.That(expression.Select(e => (e.Code, e.ActivityId, e.Field)), Is.EqualTo(new[] { ("trigger-setting-expression", "hook", "inputs.path") }));
        Assert.That(expression[0].Message, Does.Contain("must be a value, not an expression"));

        var spaces = validator.Validate(Hooked("spaces", "foi requests").Build());
        Assert.That(spaces.Select(e => (e.Code, e.ActivityId, e.Field)), Is.EqualTo(new[] { ("invalid-trigger-setting", "hook", "inputs.path") }));
        Assert.That(spaces[0].Message, Is.EqualTo("A hook path cannot contain spaces."));
    }

    [Test]
    public async Task Publishing_registers_the_trigger_with_its_key_and_settings()
    {
        await using var engine = Engine();
        var definition = await engine.PublishAsync(Hooked("foi-intake").Build());
        var catalog = engine.Services.GetRequiredService<TriggerCatalog>();

        var registered = await catalog.RegisterAsync((await engine.Definitions.GetPublishedAsync(definition.Id))!);

        var trigger = registered.Single();
        Assert.That(trigger.Id, Is.EqualTo("foi-intake:hook"));
        Assert.That(trigger.Key, Is.EqualTo("foi/requests"), "the key comes from the bound settings");
        Assert.That(trigger.Settings["path"]!.GetValue<string>(), Is.EqualTo("/FOI/Requests/"));
        Assert.That(trigger.Settings["limit"]!.GetValue<int>(), Is.EqualTo(10), "defaults are part of the settings");
        var store = engine.Services.GetRequiredService<ITriggerStore>();
        Assert.That((await store.FindByKeyAsync("TestHook", "foi/requests"))!.DefinitionId, Is.EqualTo("foi-intake"));

        await engine.PublishAsync(Hooked("other-intake").Build());
        Assert.ThrowsAsync<TriggerKeyConflictException>(async () =>
            await catalog.CheckKeysAsync((await engine.Definitions.GetPublishedAsync("other-intake"))!), "another workflow cannot take the same path");

        await catalog.RemoveAsync("foi-intake");
        Assert.That(await store.ListAsync("TestHook"), Is.Empty);
    }

    [Test]
    public async Task Firing_starts_one_instance_per_event_and_records_what_happened()
    {
        await using var engine = Engine();
        await engine.PublishAsync(Hooked("foi-intake").Build());
        var trigger = (await engine.Services.GetRequiredService<TriggerCatalog>()
            .RegisterAsync((await engine.Definitions.GetPublishedAsync("foi-intake"))!)).Single();
        var starter = engine.Services.GetRequiredService<TriggerStarter>();
        var store = engine.Services.GetRequiredService<ITriggerStore>();
        var input = new JsonObject { ["from"] = "resident@example.org" };

        var first = await starter.FireAsync(trigger, input, "foi-intake-msg-1", "request from resident@example.org", wait: true);
        var again = await starter.FireAsync(trigger, input, "foi-intake-msg-1", "request from resident@example.org", wait: true);

        Assert.That(first.Started, Is.True);
        Assert.That(first.Instance!.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(again.Started, Is.False, "the same event does not start a second instance");
        Assert.That(again.InstanceId, Is.EqualTo("foi-intake-msg-1"));
        var journal = await engine.JournalAsync("foi-intake-msg-1");
        Assert.That(journal.Any(e => e.ActivityId == "log" && e.Message == "request from resident@example.org"), Is.True, "the event is the workflow's input");
        var hookOutput = (await engine.GetAsync("foi-intake-msg-1")).State.Scopes[ScopeState.RootId].Outputs["hook"];
        Assert.That(hookOutput?["from"]?.GetValue<string>(), Is.EqualTo("resident@example.org"), "the trigger passes the event on as its output");

        var events = await store.ListEventsAsync(trigger.Id, 10);
        Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { TriggerEventKinds.Duplicate, TriggerEventKinds.Fired }));
        Assert.That(events.All(e => e.InstanceId == "foi-intake-msg-1"), Is.True);

        Assert.ThrowsAsync<TriggerPausedException>(() => starter.FireAsync(trigger with { Paused = true }, input, null, "while paused"));
    }
}
