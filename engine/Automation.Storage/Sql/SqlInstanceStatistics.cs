using System.Globalization;
using System.Text;
using Automation.Engine.Persistence;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>The dashboard counts of a SQL store: one query per call, counted by the database.</summary>
/// <remarks>
/// Periods are passed as a VALUES list (start and end in Unix milliseconds, as the tables keep time) rather than computed
/// in SQL, so that the caller decides the calendar (days in Europe/London, with their 23- and 25-hour days) and SQLite,
/// which has no time zones, counts exactly as PostgreSQL does. Started counts use the (created_at, id) index; the others
/// use the status indexes.
/// </remarks>
internal sealed class SqlInstanceStatistics(SqlDatabase database) : IInstanceStatistics
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PeriodCounts>> CountInstancesAsync(IReadOnlyList<TimePeriod> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }

        var values = new StringBuilder();
        var parameters = new DynamicParameters();
        for (var i = 0; i < periods.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            values.Append(i == 0 ? "" : ", ").Append($"({n}, @Start{n}, @End{n})");
            parameters.Add("Start" + n, StoreTime.ToUnixMs(periods[i].Start));
            parameters.Add("End" + n, StoreTime.ToUnixMs(periods[i].End));
        }

        var sql = $"""
            WITH periods (n, start_ms, end_ms) AS (VALUES {values})
            SELECT p.n AS N,
                (SELECT COUNT(*) FROM instances i WHERE i.created_at >= p.start_ms AND i.created_at < p.end_ms) AS Started,
                (SELECT COUNT(*) FROM instances i WHERE i.status = 'Finished' AND i.finished_at >= p.start_ms AND i.finished_at < p.end_ms) AS Finished,
                (SELECT COUNT(*) FROM instances i WHERE i.status = 'Faulted' AND i.updated_at >= p.start_ms AND i.updated_at < p.end_ms) AS Faulted,
                (SELECT COUNT(*) FROM instances i WHERE i.status = 'Cancelled' AND i.finished_at >= p.start_ms AND i.finished_at < p.end_ms) AS Cancelled
            FROM periods p
            ORDER BY p.n
            """;
        var rows = await database.QueryAsync<PeriodRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PeriodCounts(periods[(int)r.N], r.Started, r.Finished, r.Faulted, r.Cancelled))];
    }

    /// <inheritdoc />
    public async Task<CurrentInstanceCounts> CountCurrentInstancesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<StatusRow>(
            "SELECT status AS Status, COUNT(*) AS Count FROM instances WHERE status IN ('Running', 'Suspended', 'Faulted') GROUP BY status",
            null, cancellationToken).ConfigureAwait(false);
        long Count(string status) => rows.FirstOrDefault(r => r.Status == status)?.Count ?? 0;
        return new CurrentInstanceCounts(Count("Running"), Count("Suspended"), Count("Faulted"));
    }

    /// <inheritdoc />
    public async Task<OpenTaskCounts> CountOpenTasksAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<StatusRow>(
            "SELECT status AS Status, COUNT(*) AS Count FROM tasks WHERE status IN ('Open', 'Claimed') GROUP BY status",
            null, cancellationToken).ConfigureAwait(false);
        long Count(string status) => rows.FirstOrDefault(r => r.Status == status)?.Count ?? 0;
        return new OpenTaskCounts(Count("Open"), Count("Claimed"));
    }

    private sealed class PeriodRow
    {
        public long N { get; set; }
        public long Started { get; set; }
        public long Finished { get; set; }
        public long Faulted { get; set; }
        public long Cancelled { get; set; }
    }

    private sealed class StatusRow
    {
        public string Status { get; set; } = "";
        public long Count { get; set; }
    }
}
