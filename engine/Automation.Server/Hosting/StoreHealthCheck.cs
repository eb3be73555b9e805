using Automation.Engine.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Server.Hosting;

/// <summary>Healthy when the store answers a cheap query.</summary>
internal sealed class StoreHealthCheck(IDefinitionStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }
}
