namespace Automation.Engine.Queues;

/// <summary>The actions recorded in a queue item's history.</summary>
public static class QueueItemActions
{
    /// <summary>The item was added.</summary>
    public const string Added = "added";

    /// <summary>A bot took it.</summary>
    public const string Taken = "taken";

    /// <summary>The bot completed it.</summary>
    public const string Completed = "completed";

    /// <summary>The bot reported a business or system exception.</summary>
    public const string Failed = "failed";

    /// <summary>The bot gave it back untouched.</summary>
    public const string Released = "released";

    /// <summary>Its lease ran out (a system exception).</summary>
    public const string LeaseExpired = "leaseExpired";

    /// <summary>It was abandoned (by the abandonment window or an operator).</summary>
    public const string Abandoned = "abandoned";

    /// <summary>An operator sent it back to New.</summary>
    public const string Retried = "retried";

    /// <summary>An operator deleted it.</summary>
    public const string Deleted = "deleted";
}
