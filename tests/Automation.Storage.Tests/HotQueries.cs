using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Storage.Sql;
using Dapper;

namespace Automation.Storage.Tests;

/// <summary>
/// Every query the stores run on a path that must stay flat as data grows, with sample parameters, so that a
/// dialect's fixture can check its plan uses an index (never a full scan, and no sort where paging needs order).
/// </summary>
public static class HotQueries
{
    public sealed record Query(string Name, string Sql, DynamicParameters Parameters, bool MaySort = false)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Query> All()
    {
        yield return Template("instance by id", SqlInstanceStore.GetInstance, "i-1");
        yield return Template("bookmark by id", SqlInstanceStore.GetBookmark, "b-1");
        yield return Template("resume target (bookmark, instance, version) by bookmark id", SqlInstanceStore.GetResumeTarget, "b-1");
        // A few bookmarks share a name and correlation id: sorting them is cheap.
        yield return Template("bookmarks by kind, name and correlation", SqlInstanceStore.FindBookmarks[3], "Signal", "go", "case-1") with { MaySort = true };
        yield return Template("bookmarks by kind and name", SqlInstanceStore.FindBookmarks[2], "Signal", "go") with { MaySort = true };
        yield return Template("published definition", SqlDefinitionStore.GetPublished, "d-1");
        yield return Template("latest definition", SqlDefinitionStore.GetLatest, "d-1");
        yield return Template("definition version", SqlDefinitionStore.GetVersion, "d-1", 500L);
        yield return Fixed("child instances", SqlInstanceStore.ChildrenSql, new { Parent = "p-1" });
        yield return Fixed("recoverable instances", SqlInstanceStore.RecoverableSql, new { Now = 1L, Limit = 10L });
        yield return Fixed("due timers to claim", string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlInstanceStore.ClaimDueSql, ""),
            new { Owner = "node-a", Until = 2L, Now = 1L, OthersEndedBy = 1L, Limit = 16L });
        yield return Fixed("due bookmarks of claimed instances",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlInstanceStore.DueOfInstancesSql, "IN ('i-1', 'i-2')"), new { Now = 1L });
        yield return Template("due timers of a single node", SqlInstanceStore.FindDue, 1L, "node-a", 64L);
        yield return Template("due timers of a single node after a page", SqlInstanceStore.FindDueAfter, 1L, 0L, "b-1", "node-a", 64L);
        yield return Fixed("next due time", SqlInstanceStore.NextDueSql, new { After = 1L });
        yield return Fixed("journal page", SqlInstanceStore.JournalSql, new { Id = "i-1", After = 10L, Limit = 100L });

        var cursor = new KeysetCursor(1_700_000_000_000, "i-9");
        InstanceQuery[] instanceQueries =
        [
            new(),
            new() { Status = WorkflowStatus.Faulted },
            new() { DefinitionId = "d-1" },
            new() { DefinitionId = "d-1", Status = WorkflowStatus.Faulted },
            new() { CorrelationId = "case-1" },
            new() { Status = WorkflowStatus.Running, From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UtcNow },
        ];
        foreach (var query in instanceQueries)
        {
            foreach (var c in new KeysetCursor?[] { null, cursor })
            {
                var (sql, parameters) = SqlInstanceStore.ListSql(query, c, 50);
                yield return new Query($"instance list {Describe(query)}{(c is null ? "" : " after a cursor")}", sql, parameters);
            }
        }

        foreach (var query in new TaskQuery[] { new() { Status = HumanTaskStatus.Open }, new() { InstanceId = "i-1" } })
        {
            var (sql, parameters) = SqlTaskStore.ListSql(query, cursor, 50);
            yield return new Query($"task list {(query.Status is null ? "by instance" : "by status")}", sql, parameters);
        }

        // The inbox of a key that is neither admin nor operator: open tasks it may see.
        var inbox = SqlTaskStore.ListSql(new TaskQuery { Status = HumanTaskStatus.Open, User = "u-1", Roles = ["bot", "processOwner"] }, cursor, 50);
        yield return new Query("task list by status visible to a user", inbox.Sql, inbox.Parameters);

        // Work queues: taking the next item walks the take-order index (no sort however long the queue).
        yield return Fixed("next queue item to take", string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlWorkQueueStore.TakeNextSql, ""),
            new { Queue = "invoices", Now = 1L });
        yield return Fixed("queue items with an expired lease",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlWorkQueueStore.ExpiredLeasesSql, ""), new { Now = 1L, Limit = 200L });
        yield return Fixed("queue items past the abandonment window",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlWorkQueueStore.StaleSql, ""), new { Now = 1L, Limit = 200L });
        (string Name, QueueItemQuery Query)[] itemQueries =
        [
            ("unfiltered", new()),
            ("by status", new() { Status = QueueItemStatus.Failed }),
            ("by failure kind", new() { FailureKind = QueueFailureKind.Business }),
            ("by failure code", new() { FailureCode = "unknown-supplier" }),
            ("by status, failure kind and code", new() { Status = QueueItemStatus.Failed, FailureKind = QueueFailureKind.Business, FailureCode = "unknown-supplier" }),
            ("by time added", new() { AddedFrom = DateTimeOffset.UnixEpoch, AddedTo = DateTimeOffset.UtcNow }),
            ("by status and time last changed", new() { Status = QueueItemStatus.Failed, UpdatedFrom = DateTimeOffset.UnixEpoch, UpdatedTo = DateTimeOffset.UtcNow }),
            ("by reference prefix", new() { ReferencePrefix = "INV-2026" }),
        ];
        foreach (var (name, query) in itemQueries)
        {
            foreach (var c in new KeysetCursor?[] { null, cursor })
            {
                var (sql, parameters) = SqlWorkQueueStore.ListSql("invoices", query, c, 50);
                yield return new Query($"queue item list {name}{(c is null ? "" : " after a cursor")}", sql, parameters);
            }
        }

        // GET /api/bots/metrics and a queue's statistics: the settled attempts of a window, from the history's time index.
        // Grouping the window's attempts may sort them (a window's worth, not the whole history).
        foreach (var (name, filter) in new[] { ("every queue", ""), ("one queue", "AND i.queue = @Queue") })
        {
            yield return Fixed($"bot activity of {name}", string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlBotWorkerStore.ActivitySql, filter),
                new { Since = 1L, Queue = "invoices" }) with { MaySort = true };
        }
    }

    private static string Describe(InstanceQuery q) =>
        string.Join(" ", new[] { q.Status is null ? null : "status", q.DefinitionId is null ? null : "definition", q.CorrelationId is null ? null : "correlation", q.From is null ? null : "dates" }
            .Where(p => p is not null)) is { Length: > 0 } filters ? $"by {filters}" : "unfiltered";

    private static Query Template(string name, SqlTemplate template, params object[] values)
    {
        var parameters = new DynamicParameters();
        for (var i = 0; i < values.Length; i++)
        {
            parameters.Add(template.ParameterNames[i], values[i]);
        }

        return new Query(name, template.Sql, parameters);
    }

    private static Query Fixed(string name, string sql, object values) => new(name, sql, new DynamicParameters(values));
}
