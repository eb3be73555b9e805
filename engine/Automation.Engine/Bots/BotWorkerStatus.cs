namespace Automation.Engine.Bots;

/// <summary>What a bot worker is doing.</summary>
public enum BotWorkerStatus
{
    /// <summary>Waiting for an item (polling its queue).</summary>
    Idle,

    /// <summary>Handling an item.</summary>
    Working,

    /// <summary>The host is stopping: the worker finishes (or gives back) its item and takes no more.</summary>
    Stopping,

    /// <summary>Stopped with its host.</summary>
    Stopped,

    /// <summary>Its pool names a bot or queue that does not exist (see <see cref="BotWorker.Error"/>); it takes nothing.</summary>
    Misconfigured,
}
