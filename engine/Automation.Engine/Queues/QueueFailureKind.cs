namespace Automation.Engine.Queues;

/// <summary>Why an attempt at an item failed, which decides whether it is retried.</summary>
public enum QueueFailureKind
{
    /// <summary>The item itself is wrong (bad data, a supplier that does not exist): never retried; a person must look.</summary>
    Business,

    /// <summary>Something went wrong around the item (an application error, a crash, an expired lease): retried up to the queue's maximum.</summary>
    System,
}
