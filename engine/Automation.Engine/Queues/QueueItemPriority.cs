namespace Automation.Engine.Queues;

/// <summary>How soon an item should be taken relative to others of its kind (items with a deadline come first whatever their priority).</summary>
public enum QueueItemPriority
{
    /// <summary>Taken before normal and low items.</summary>
    High = 0,

    /// <summary>The default.</summary>
    Normal = 1,

    /// <summary>Taken after high and normal items.</summary>
    Low = 2,
}
