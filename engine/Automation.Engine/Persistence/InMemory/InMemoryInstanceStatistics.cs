using Automation.Engine.Model;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>The dashboard counts of an <see cref="InMemoryStore"/>, with the same rules as the SQL stores' queries.</summary>
public sealed class InMemoryInstanceStatistics(InMemoryStore store) : IInstanceStatistics
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PeriodCounts>> CountInstancesAsync(IReadOnlyList<TimePeriod> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var counts = new List<PeriodCounts>(periods.Count);
        lock (store.Gate)
        {
            foreach (var period in periods)
            {
                var (start, end) = (StoreTime.ToUnixMs(period.Start), StoreTime.ToUnixMs(period.End));
                bool In(long? ms) => ms >= start && ms < end;
                long started = 0, finished = 0, faulted = 0, cancelled = 0;
                foreach (var r in store.Instances.Values)
                {
                    if (In(r.CreatedMs)) started++;
                    if (r.Status == WorkflowStatus.Finished && In(r.FinishedMs)) finished++;
                    if (r.Status == WorkflowStatus.Faulted && In(r.UpdatedMs)) faulted++;
                    if (r.Status == WorkflowStatus.Cancelled && In(r.FinishedMs)) cancelled++;
                }

                counts.Add(new PeriodCounts(period, started, finished, faulted, cancelled));
            }
        }

        return Task.FromResult<IReadOnlyList<PeriodCounts>>(counts);
    }

    /// <inheritdoc />
    public Task<CurrentInstanceCounts> CountCurrentInstancesAsync(CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            long Count(WorkflowStatus status) => store.Instances.Values.LongCount(r => r.Status == status);
            return Task.FromResult(new CurrentInstanceCounts(Count(WorkflowStatus.Running), Count(WorkflowStatus.Suspended), Count(WorkflowStatus.Faulted)));
        }
    }

    /// <inheritdoc />
    public Task<OpenTaskCounts> CountOpenTasksAsync(CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            long Count(HumanTaskStatus status) => store.Tasks.Values.LongCount(t => t.Status == status);
            return Task.FromResult(new OpenTaskCounts(Count(HumanTaskStatus.Open), Count(HumanTaskStatus.Claimed)));
        }
    }
}
