using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Engine.Runtime;
using Automation.Engine.Triggers;
using Microsoft.Extensions.Logging;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// Starts a pool's business-exception workflow for an item that failed as a business exception. The instance id is
/// derived from the item id and the attempt (and the operator retries before it), so one failed attempt starts at most
/// one review, also across nodes; the
/// worker starts it right after failing the item and <see cref="BotReviewSweep"/> starts any that were missed (decision 26).
/// </summary>
internal sealed class BotReviewStarter(IWorkflowRuntime runtime, IInstanceStore instances, IWorkQueueStore queues, ILogger logger)
{
    /// <summary>
    /// The review instance id of an attempt at an item (32 hex digits, the shape of a generated id). An operator's retry
    /// counts the item's attempts from 0 again, so after <paramref name="operatorRetries"/> retries the count is part of
    /// the id too (without retries the id is the one earlier versions gave).
    /// </summary>
    public static string InstanceIdFor(string itemId, int attempt, int operatorRetries = 0) => operatorRetries == 0
        ? EventInstanceIds.For("bot-review", itemId, attempt.ToString(CultureInfo.InvariantCulture))
        : EventInstanceIds.For("bot-review", itemId, attempt.ToString(CultureInfo.InvariantCulture), "retry" + operatorRetries.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Starts the review of <paramref name="item"/> (as it was when it failed, with its failure <paramref name="reason"/>
    /// and <paramref name="code"/>) unless it was started before. A start that fails is logged, never thrown.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ReviewStart> StartAsync(string workflow, QueueItem item, string reason, string? code, CancellationToken cancellationToken)
    {
        try
        {
            // Retries up to this failure only: one an operator makes a moment later belongs to the next failure.
            var history = await queues.GetHistoryAsync(item.Id, cancellationToken).ConfigureAwait(false);
            var retries = history.Count(e => e.Action == QueueItemActions.Retried && e.Sequence <= item.Version);
            var instanceId = InstanceIdFor(item.Id, item.Attempts, retries);
            if (await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null) return ReviewStart.AlreadyStarted;
            await runtime.StartAsync(new StartRequest
            {
                DefinitionId = workflow,
                InstanceId = instanceId,
                CorrelationId = item.Reference ?? item.Id,
                Input = new JsonObject
                {
                    ["itemId"] = item.Id, ["queue"] = item.Queue, ["reference"] = item.Reference, ["reason"] = reason,
                    ["code"] = code, ["data"] = item.Data.DeepClone(),
                },
            }, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Started review {InstanceId} ({Workflow}) of queue item {ItemId}", instanceId, workflow, item.Id);
            return ReviewStart.Started;
        }
        catch (ConcurrencyException)
        {
            return ReviewStart.AlreadyStarted; // Another node (or the sweep) started the same review a moment earlier.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not start the business-exception workflow '{Workflow}' for queue item {ItemId}: {Message}", workflow, item.Id, e.Message);
            return ReviewStart.Failed;
        }
    }
}
