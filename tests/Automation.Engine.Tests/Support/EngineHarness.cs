using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Hosting;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Runtime;
using Automation.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Automation.Engine.Tests.Support;

/// <summary>
/// One engine on a fresh in-memory store: the real runtime, activities and stores wired as the server wires them.
/// Each test creates its own (and disposes it), so no test sees another's definitions, instances or tasks.
/// <see cref="AnotherNodeAsync"/> adds a second runtime on the same store, as a second server node would be.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];
    private readonly List<EngineHarness> _nodes = [];
    private readonly Action<RuntimeOptions>? _runtime;
    private readonly Action<ScriptingOptions>? _scripting;

    private readonly Action<IServiceCollection>? _services;

    private EngineHarness(InMemoryStore store, TimeProvider? clock, Action<RuntimeOptions>? runtime, Action<ScriptingOptions>? scripting,
        Action<IServiceCollection>? configureServices = null)
    {
        _services = configureServices;
        Store = store;
        Clock = clock ?? TimeProvider.System;
        _runtime = runtime;
        _scripting = scripting;
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(Clock);
        services.AddSingleton<IDefinitionStore>(new InMemoryDefinitionStore(store));
        services.AddSingleton<IInstanceStore>(new InMemoryInstanceStore(store));
        services.AddSingleton<ITaskStore>(new InMemoryTaskStore(store));
        if (scripting is not null) services.Configure(scripting);
        services.AddWorkflowEngine(runtime);
        configureServices?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary>A new engine on an empty store.</summary>
    /// <param name="clock">The clock (a FakeTimeProvider for timer tests); the system clock when null.</param>
    /// <param name="runtime">Adjusts the runtime options.</param>
    /// <param name="scripting">Adjusts the JavaScript sandbox limits.</param>
    /// <param name="services">Adds or replaces services (for example the credential vault).</param>
    public static EngineHarness Create(TimeProvider? clock = null, Action<RuntimeOptions>? runtime = null, Action<ScriptingOptions>? scripting = null,
        Action<IServiceCollection>? services = null) =>
        new(new InMemoryStore(clock), clock, runtime, scripting, services);

    public InMemoryStore Store { get; }
    public TimeProvider Clock { get; }
    public ServiceProvider Services { get; }
    public IWorkflowRuntime Runtime => Services.GetRequiredService<IWorkflowRuntime>();
    public IInstanceStore Instances => Services.GetRequiredService<IInstanceStore>();
    public ITaskStore Tasks => Services.GetRequiredService<ITaskStore>();
    public IDefinitionStore Definitions => Services.GetRequiredService<IDefinitionStore>();
    public ActivityRegistry Registry => Services.GetRequiredService<ActivityRegistry>();

    /// <summary>A second engine (its own runtime, locks and node id) on the same store; disposed with this one.</summary>
    public EngineHarness AnotherNode()
    {
        var node = new EngineHarness(Store, Clock, _runtime, _scripting, _services);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Validates (failing the test on any error), saves and publishes a definition.</summary>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition)
    {
        var errors = new WorkflowValidator(Registry).Validate(definition);
        Assert.That(errors, Is.Empty, "The test's own definition is invalid:\n" + string.Join("\n", errors));
        await Definitions.SaveDraftAsync(definition, "test");
        await Definitions.PublishAsync(definition.Id, null, "test");
        return definition;
    }

    /// <summary>Starts the published version and returns once the instance has finished, faulted or suspended.</summary>
    public Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null, string? correlationId = null) =>
        Runtime.StartAsync(new StartRequest { DefinitionId = definitionId, Input = input, CorrelationId = correlationId, Wait = true });

    /// <summary>Publishes <paramref name="definition"/> and runs one instance of it (see <see cref="StartAsync"/>).</summary>
    public async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, JsonObject? input = null, string? correlationId = null)
    {
        await PublishAsync(definition);
        return await StartAsync(definition.Id, input, correlationId);
    }

    /// <summary>The stored instance (fails the test when it does not exist).</summary>
    public async Task<WorkflowInstance> GetAsync(string instanceId) =>
        await Instances.GetAsync(instanceId) ?? throw new AssertionException($"Instance '{instanceId}' does not exist.");

    /// <summary>The instance's whole journal, oldest first.</summary>
    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => Instances.GetJournalAsync(instanceId, 0, 100_000);

    /// <summary>The instance's tasks, optionally of one status.</summary>
    public async Task<IReadOnlyList<HumanTask>> TasksAsync(string instanceId, HumanTaskStatus? status = null) =>
        (await Tasks.ListAsync(new TaskQuery { InstanceId = instanceId, Status = status, PageSize = 500 })).Items;

    /// <summary>The one open task of the instance (fails the test when there is not exactly one).</summary>
    public async Task<HumanTask> SingleOpenTaskAsync(string instanceId)
    {
        var open = await TasksAsync(instanceId, HumanTaskStatus.Open);
        Assert.That(open, Has.Count.EqualTo(1), $"Expected one open task in instance '{instanceId}'.");
        return open[0];
    }

    /// <summary>Starts the timer and recovery loops, as the server host does; they stop when the harness is disposed.</summary>
    public async Task StartHostedServicesAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
    }

    /// <summary>Polls the stored instance until <paramref name="condition"/> holds (for work that happens in the background).</summary>
    public async Task<WorkflowInstance> WaitForAsync(string instanceId, Func<WorkflowInstance, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var instance = await GetAsync(instanceId);
            if (condition(instance)) return instance;
            if (DateTime.UtcNow > deadline)
                throw new AssertionException($"Instance '{instanceId}' did not reach the expected state in time; it is {instance.Status} ({instance.FaultMessage}).");
            await Task.Delay(10);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var service in _started) await service.StopAsync(CancellationToken.None);
        foreach (var node in _nodes) await node.DisposeAsync();
        await Services.DisposeAsync();
    }
}
