using Automation.Engine.Queues;

namespace Automation.Samples.Tests.Support;

/// <summary>A queue after a <see cref="BotRun"/>: every item as settled, and every system failure its items' histories record.</summary>
/// <param name="Items">The queue's items, newest first.</param>
/// <param name="SystemFailures">The failed attempts of kind system (a bot's unexpected exception, a lost lease), retried or not.</param>
public sealed record SettledQueue(IReadOnlyList<QueueItem> Items, IReadOnlyList<QueueItemEvent> SystemFailures)
{
    /// <summary>The item with id <paramref name="id"/>.</summary>
    public QueueItem Item(string id) => Items.Single(i => i.Id == id);

    /// <summary>Each item of <paramref name="items"/> that did not succeed, as "reference: status [kind code] reason" (for assertion messages).</summary>
    public static IReadOnlyList<string> NotSuccessful(IEnumerable<QueueItem> items) =>
        [.. items.Where(i => i.Status != QueueItemStatus.Successful).Select(i => $"{i.Reference ?? i.Id}: {i.Status} [{i.FailureKind} {i.FailureCode}] {i.FailureReason}")];
}
