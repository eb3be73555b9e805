namespace Automation.Server.Queues;

/// <summary>Work queue settings of a node (configuration section <c>Automation:Queues</c>).</summary>
public sealed class QueueOptions
{
    /// <summary>How often expired leases and stale items are looked for (default 15 s).</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(15);
}
