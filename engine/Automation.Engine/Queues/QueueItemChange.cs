namespace Automation.Engine.Queues;

/// <summary>The result of asking to change an item that exists.</summary>
/// <param name="Item">The item after the change, or as it is when the change was not allowed.</param>
/// <param name="Changed">False when the item's status (or holder) did not allow the change.</param>
public sealed record QueueItemChange(QueueItem Item, bool Changed);
