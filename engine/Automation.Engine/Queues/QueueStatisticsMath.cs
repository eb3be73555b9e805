namespace Automation.Engine.Queues;

/// <summary>Turns the raw figures every store gathers into <see cref="QueueStatistics"/>, so all stores round and fill in the same way.</summary>
public static class QueueStatisticsMath
{
    /// <summary>Builds the statistics; <paramref name="counts"/> may omit statuses with no items.</summary>
    public static QueueStatistics Build(string queue, IReadOnlyDictionary<QueueItemStatus, int> counts, TimeSpan window, int finished,
        double? averageHandlingMs, int slaBreaches)
    {
        var all = Enum.GetValues<QueueItemStatus>().Where(s => s != QueueItemStatus.Retried)
            .ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        var hours = Math.Max(window.TotalHours, 1.0 / 60);
        return new QueueStatistics(queue, all, window, finished, Math.Round(finished / hours, 2),
            averageHandlingMs is { } ms ? TimeSpan.FromMilliseconds(Math.Round(ms)) : null, slaBreaches);
    }
}
