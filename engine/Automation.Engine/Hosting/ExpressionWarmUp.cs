using Automation.Engine.Expressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Hosting;

/// <summary>
/// Evaluates one JavaScript expression and one Liquid template in the background at start-up. The first JavaScript
/// engine of a process loads culture data (seconds on a small machine); paying that here keeps it out of the first
/// workflow a person starts.
/// </summary>
public sealed class ExpressionWarmUp(ExpressionEvaluator expressions, ILogger<ExpressionWarmUp> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var scope = ExpressionScope.Of();
            expressions.Evaluate(new InputValue.JavaScript("new Date(0).toISOString() + (1).toLocaleString()"), scope);
            expressions.Evaluate(new InputValue.Liquid("{{ 'warm' | upcase }}"), scope);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Expression warm-up failed; the first expression will be slower");
        }
    }, stoppingToken);
}
