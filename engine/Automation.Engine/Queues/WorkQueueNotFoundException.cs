namespace Automation.Engine.Queues;

/// <summary>No queue has the given name.</summary>
public sealed class WorkQueueNotFoundException(string queue) : Exception($"There is no work queue named '{queue}'.")
{
    /// <summary>The name asked for.</summary>
    public string Queue { get; } = queue;
}
