using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Hosting;

/// <summary>
/// Continues Running instances whose node died: at start-up (all of them when this is the only node) and then
/// every <see cref="RuntimeOptions.RecoveryInterval"/> for those whose lease has expired.
/// </summary>
public sealed class RecoveryLoop(
    IInstanceStore instances, IWorkflowRuntime runtime, BackgroundRunner background, TimeProvider clock,
    IOptions<RuntimeOptions> options, ILogger<RecoveryLoop> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A single node owns every Running instance it finds at start-up: whoever held them was this node's previous life.
                var asOf = first && options.Value.SingleNode ? DateTimeOffset.MaxValue.AddDays(-1) : clock.GetUtcNow();
                var ids = await instances.FindRecoverableAsync(asOf, 500, stoppingToken).ConfigureAwait(false);
                if (ids.Count > 0) logger.LogInformation("Recovering {Count} running instance(s)", ids.Count);
                foreach (var id in ids)
                {
                    if (first && options.Value.SingleNode)
                        background.Run(id, ct => ForceRecoverAsync(id, ct));
                    else
                        background.Run(id, ct => runtime.RecoverAsync(id, ct));
                }
                first = false;
                await Task.Delay(options.Value.RecoveryInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Recovery loop failed");
                try { await Task.Delay(options.Value.RecoveryInterval, clock, stoppingToken).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task ForceRecoverAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Expire the dead process's lease by taking it as of a time past its end.
        if (await instances.TryAcquireLeaseAsync(id, options.Value.NodeId, DateTimeOffset.MaxValue.AddDays(-1), now + options.Value.LeaseDuration, ct).ConfigureAwait(false))
            await ((WorkflowRuntime)runtime).RunExistingAsync(id, ct).ConfigureAwait(false);
    }
}
