using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests;

/// <summary>
/// Pays the process's one-time start-up costs before the first test, so that test timings show the engine's cost:
/// the first JavaScript engine loads ICU culture data (3 to 6 seconds on this machine), and the first run JIT-compiles
/// the runtime, the stores, Fluid and dependency injection.
/// </summary>
[SetUpFixture]
public sealed class ProcessWarmUp
{
    [OneTimeSetUp]
    public async Task WarmUpAsync()
    {
        await using var engine = EngineHarness.Create();
        await engine.RunAsync(Flow.Create("warm-up")
            .Start()
            .Set("set", "x", Expr.Js("1 + 1"))
            .Log("log", Expr.Liquid("{{ variables.x }}"))
            .Chain("start", "set", "log")
            .Build());
    }
}
