namespace Automation.Engine.Queues;

/// <summary>What adding items did.</summary>
/// <param name="Added">The items added, in the order given.</param>
/// <param name="IgnoredReferences">References skipped as duplicates under <see cref="DuplicateReferencePolicy.Ignore"/>.</param>
public sealed record AddItemsResult(IReadOnlyList<QueueItem> Added, IReadOnlyList<string> IgnoredReferences);
