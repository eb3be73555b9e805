using Automation.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Server.Hosting;

/// <summary>Healthy when the store answers a trivial query.</summary>
internal sealed class StoreHealthCheck(IStoreInitializer store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("The store answers.")
            : HealthCheckResult.Unhealthy("The store does not answer.");
}
