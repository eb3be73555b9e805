using System.Text.Json.Nodes;
using Automation.Engine.Expressions;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

/// <summary>
/// The Script sandbox stops runaway code with a clear message and faults the instance with an incident. Limits are
/// small here so each test takes a fraction of a second; a broken limit fails the test after a few seconds instead of
/// hanging the run.
/// </summary>
public class ScriptSandboxTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private static EngineHarness Engine(Action<ScriptingOptions>? tighten = null) => EngineHarness.Create(scripting: options =>
    {
        options.ScriptTimeout = TimeSpan.FromMilliseconds(200);
        options.ExpressionTimeout = TimeSpan.FromMilliseconds(200);
        options.MaxStatements = int.MaxValue; // so that the limit under test is the one that trips
        tighten?.Invoke(options);
    });

    private static async Task<WorkflowInstance> RunScriptAsync(EngineHarness engine, string code)
    {
        var flow = Flow.Create("sandbox")
            .Start()
            .Activity("run", "Script", new JsonObject { ["code"] = code })
            .Log("after", "should not run")
            .Chain("start", "run", "after")
            .Build();
        return await engine.RunAsync(flow).WaitAsync(Guard);
    }

    private static Incident AssertFaultedAt(WorkflowInstance instance, string activityId)
    {
        instance.AssertStatus(WorkflowStatus.Faulted);
        var incident = instance.State.Incidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo(activityId));
        return incident;
    }

    [Test]
    public async Task An_endless_loop_is_stopped_by_the_time_limit()
    {
        await using var engine = Engine();

        var instance = await RunScriptAsync(engine, "while (true) {}");

        var incident = AssertFaultedAt(instance, "run");
        Assert.That(incident.Message, Does.Contain("ran longer than the 0.2 s limit"));
        Assert.That(instance.FaultMessage, Does.Contain("Activity 'run' failed"));
    }

    [Test]
    public async Task An_endless_loop_with_a_body_is_stopped_by_the_time_limit()
    {
        // The body allocates a number per turn once n leaves Jint's cache, and the memory limit counts allocations: on a
        // fast machine the default 16 MB was reached before the clock. Only the clock may stop it here.
        await using var engine = Engine(options => options.MemoryLimitBytes = 8L * 1024 * 1024 * 1024);

        var instance = await RunScriptAsync(engine, "let n = 0; for (;;) { n++; }");

        Assert.That(AssertFaultedAt(instance, "run").Message, Does.Contain("ran longer than the 0.2 s limit"));
    }

    [Test]
    public async Task Too_many_statements_are_stopped()
    {
        // A generous time limit, so that on a busy machine the statement limit is still the one that trips.
        await using var engine = Engine(options =>
        {
            options.MaxStatements = 10_000;
            options.ScriptTimeout = TimeSpan.FromSeconds(30);
        });

        var instance = await RunScriptAsync(engine, "let n = 0; while (true) { n++; }");

        Assert.That(AssertFaultedAt(instance, "run").Message, Does.Contain("ran too many statements"));
    }

    [Test]
    public async Task Deep_recursion_is_stopped()
    {
        await using var engine = Engine();

        var instance = await RunScriptAsync(engine, "function down(n) { return down(n + 1) + 1; } down(0);");

        Assert.That(AssertFaultedAt(instance, "run").Message, Does.Contain("recursion limit"));
    }

    [Test]
    public async Task A_huge_allocation_is_stopped()
    {
        await using var engine = Engine(options =>
        {
            options.MemoryLimitBytes = 4 * 1024 * 1024;
            options.ScriptTimeout = TimeSpan.FromSeconds(30); // the memory limit, not the clock, must stop it
        });

        var instance = await RunScriptAsync(engine, "const hoard = []; while (true) { hoard.push(new Array(10000).fill('x')); }");

        Assert.That(AssertFaultedAt(instance, "run").Message, Does.Contain("used more memory than allowed"));
    }

    [Test]
    public async Task Net_types_and_clr_helpers_are_not_reachable()
    {
        await using var engine = Engine();
        var flow = Flow.Create("sandbox-clr")
            .Start()
            .Activity("probe", "Script", new JsonObject
            {
                ["code"] = "[typeof System, typeof importNamespace, typeof clr, typeof require, typeof process, typeof fetch]",
            })
            .Chain("start", "probe")
            .Build();

        var instance = await engine.RunAsync(flow).WaitAsync(Guard);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.OutputOf("probe")!.AsArray().Select(n => n!.GetValue<string>()), Is.All.EqualTo("undefined"));
    }

    [Test]
    public async Task Reaching_for_a_net_type_faults_the_step()
    {
        await using var engine = Engine();

        var instance = await RunScriptAsync(engine, "System.IO.File.ReadAllText('/etc/passwd')");

        Assert.That(AssertFaultedAt(instance, "run").Message, Does.Contain("System is not defined"));
    }

    [Test]
    public async Task An_endless_loop_in_an_input_expression_is_stopped_and_the_next_expression_still_runs()
    {
        await using var engine = Engine();
        var flow = Flow.Create("expression-loop")
            .Input("spin", ValueTypes.Boolean)
            .Start()
            .Set("set", "x", Expr.Js("(() => { while (input.spin) {} return 'done'; })()"))
            .Chain("start", "set")
            .Build();
        await engine.PublishAsync(flow);

        var spinning = await engine.StartAsync(flow.Id, new JsonObject { ["spin"] = true }).WaitAsync(Guard);
        var normal = await engine.StartAsync(flow.Id, new JsonObject { ["spin"] = false }).WaitAsync(Guard);

        var incident = AssertFaultedAt(spinning, "set");
        Assert.That(incident.Message, Does.StartWith("Input 'value': Expression").And.Contain("ran longer than the 0.2 s limit"));
        normal.AssertStatus(WorkflowStatus.Finished);
        Assert.That(normal.Variable("x")!.GetValue<string>(), Is.EqualTo("done"));
    }
}
