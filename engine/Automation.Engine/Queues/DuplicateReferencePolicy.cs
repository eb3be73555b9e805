namespace Automation.Engine.Queues;

/// <summary>What adding an item does when its queue already holds an item (not deleted) with the same reference.</summary>
public enum DuplicateReferencePolicy
{
    /// <summary>The add fails with <see cref="DuplicateQueueItemException"/>; in a batch, nothing is added.</summary>
    Reject,

    /// <summary>The duplicate is skipped and reported in <see cref="AddItemsResult.IgnoredReferences"/>; the rest are added.</summary>
    Ignore,
}
