namespace Automation.Engine.Queues;

/// <summary>A document saved as evidence of one attempt at a queue item (a screenshot or a Playwright trace of a system exception).</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Attempt">The attempt it shows (the item's <see cref="QueueItem.Attempts"/> when it was saved).</param>
/// <param name="DocumentId">The document (read through the documents API).</param>
/// <param name="Kind">What it is: one of <see cref="QueueItemEvidenceKinds"/>.</param>
/// <param name="CreatedAt">When it was linked.</param>
public sealed record QueueItemEvidence(string ItemId, int Attempt, string DocumentId, string Kind, DateTimeOffset CreatedAt);
