using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// Starts a pool's business-exception workflow for an item that failed as a business exception. The instance id is
/// derived from the item id and the attempt, so one failed attempt starts at most one review, also across nodes.
/// </summary>
internal sealed class BotReviewStarter(IWorkflowRuntime runtime, IInstanceStore instances, ILogger logger)
{
    /// <summary>The review instance id of an attempt at an item (32 hex digits, the shape of a generated id).</summary>
    public static string InstanceIdFor(string itemId, int attempt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bot-review\0{itemId}\0{attempt}")))[..32];

    /// <summary>Starts the review of <paramref name="item"/> (as it was when it failed); returns its instance id, or null when it could not start (logged).</summary>
    public async Task<string?> StartAsync(string workflow, QueueItem item, BusinessException failure, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdFor(item.Id, item.Attempts);
        try
        {
            if (await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null) return instanceId;
            await runtime.StartAsync(new StartRequest
            {
                DefinitionId = workflow,
                InstanceId = instanceId,
                CorrelationId = item.Reference ?? item.Id,
                Input = new JsonObject
                {
                    ["itemId"] = item.Id, ["queue"] = item.Queue, ["reference"] = item.Reference, ["reason"] = failure.Message,
                    ["code"] = failure.Code, ["data"] = item.Data.DeepClone(),
                },
            }, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Started review {InstanceId} ({Workflow}) of queue item {ItemId}", instanceId, workflow, item.Id);
            return instanceId;
        }
        catch (ConcurrencyException)
        {
            return instanceId; // Another node started the same review a moment earlier.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not start the business-exception workflow '{Workflow}' for queue item {ItemId}: {Message}", workflow, item.Id, e.Message);
            return null;
        }
    }
}
