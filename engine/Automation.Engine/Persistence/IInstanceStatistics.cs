namespace Automation.Engine.Persistence;

/// <summary>
/// Counts for the operations dashboard, computed by the store (a count query, never by loading instances or tasks).
/// Kept apart from <see cref="IInstanceStore"/> so that reporting queries do not grow the store the runtime commits through.
/// </summary>
public interface IInstanceStatistics
{
    /// <summary>
    /// For each of <paramref name="periods"/>, in the same order: the instances created in it, those finished in it
    /// (status Finished, by <c>finishedAt</c>), those faulted in it (status Faulted now, by their last update, which is
    /// when they faulted: a faulted instance does not change until it is retried or cancelled) and those cancelled in it
    /// (by <c>finishedAt</c>). A period includes its start and excludes its end.
    /// </summary>
    Task<IReadOnlyList<PeriodCounts>> CountInstancesAsync(IReadOnlyList<TimePeriod> periods, CancellationToken cancellationToken = default);

    /// <summary>How many instances are Running, Suspended and Faulted now.</summary>
    Task<CurrentInstanceCounts> CountCurrentInstancesAsync(CancellationToken cancellationToken = default);

    /// <summary>How many human tasks are waiting to be done: open (nobody has claimed them) and claimed.</summary>
    Task<OpenTaskCounts> CountOpenTasksAsync(CancellationToken cancellationToken = default);
}

/// <summary>A span of time from <see cref="Start"/> (included) to <see cref="End"/> (excluded).</summary>
public sealed record TimePeriod(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Instances started, finished, faulted and cancelled in one period.</summary>
public sealed record PeriodCounts(TimePeriod Period, long Started, long Finished, long Faulted, long Cancelled);

/// <summary>Instances that have not ended, by status.</summary>
public sealed record CurrentInstanceCounts(long Running, long Suspended, long Faulted);

/// <summary>Human tasks not yet completed or cancelled.</summary>
public sealed record OpenTaskCounts(long Open, long Claimed);
