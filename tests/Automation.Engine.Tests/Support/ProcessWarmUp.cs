using Automation.Engine.Expressions;

namespace Automation.Engine.Tests.Support;

/// <summary>
/// Pays the process's one-time start-up costs before the first test, so that test timings show the engine's cost:
/// the first JavaScript engine loads ICU culture data (3 to 6 seconds on this machine), the first template loads Fluid.
/// </summary>
[SetUpFixture]
public sealed class ProcessWarmUp
{
    [OneTimeSetUp]
    public void WarmUp()
    {
        var expressions = ExpressionEvaluator.CreateDefault();
        expressions.JavaScript.Evaluate("1 + 1", ExpressionScope.Of());
        expressions.Liquid.Render("{{ input.x }}", ExpressionScope.Of());
    }
}
