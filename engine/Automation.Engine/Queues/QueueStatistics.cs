namespace Automation.Engine.Queues;

/// <summary>How a queue is doing.</summary>
/// <param name="Queue">The queue.</param>
/// <param name="Counts">Items per status (every status present, zero when none).</param>
/// <param name="Window">The period the throughput and handling time cover, ending now.</param>
/// <param name="Finished">Items that ended Successful or Failed in the window.</param>
/// <param name="ThroughputPerHour">Finished items per hour over the window.</param>
/// <param name="AverageHandlingTime">Mean time from the last take to success, for items that succeeded in the window; null if none.</param>
/// <param name="SlaBreaches">Items (not deleted) finished after their deadline, or still open with the deadline passed.</param>
public sealed record QueueStatistics(
    string Queue,
    IReadOnlyDictionary<QueueItemStatus, int> Counts,
    TimeSpan Window,
    int Finished,
    double ThroughputPerHour,
    TimeSpan? AverageHandlingTime,
    int SlaBreaches);
