namespace Automation.Engine.Runtime;

/// <summary>How the runtime runs instances on this node. Bound from <c>Automation:Runtime</c>.</summary>
public sealed class RuntimeOptions
{
    /// <summary>This process's identity in leases; unique per process by default.</summary>
    public string NodeId { get; set; } = DefaultNodeId();

    /// <summary>How long a node owns a Running instance before another node may recover it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// True when this node is the only one using the store (SQLite): at start-up it recovers every Running
    /// instance at once instead of waiting for leases to expire.
    /// </summary>
    public bool SingleNode { get; set; } = true;

    /// <summary>Activities of one instance that may await I/O at the same time (parallel branches and loops).</summary>
    public int MaxParallelActivities { get; set; } = 16;

    /// <summary>Retries due within this delay wait in memory; longer ones become durable timer bookmarks.</summary>
    public TimeSpan InlineRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the timer loop looks for due timers when it has not been woken.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the recovery loop looks for Running instances left by dead nodes.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Instances run in the background at once (starts without wait, recoveries, timers).</summary>
    public int BackgroundConcurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>When false, the journal records only instance-level events and faults (for benchmarks of raw throughput).</summary>
    public bool DetailedJournal { get; set; } = true;

    /// <summary>Machine name, process id and a random part, cut to 40 characters.</summary>
    private static string DefaultNodeId()
    {
        var id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= 40 ? id : id[..40];
    }
}
