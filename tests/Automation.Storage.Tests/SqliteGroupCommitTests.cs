using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql;
using Automation.Storage.Sqlite;
using Automation.Testing;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

/// <summary>
/// SQLite's group commit: writes queued while the writer is busy share one transaction, each in its own savepoint.
/// A write is held on the writer so that the next group's make-up is known, not left to timing.
/// </summary>
[TestFixture]
public sealed class SqliteGroupCommitTests
{
    [Test]
    public async Task Writes_queued_behind_a_busy_writer_commit_together_and_a_failing_one_fails_alone()
    {
        using var folder = new TempDirectory("automation-sqlite");
        var connectionString = $"Data Source={folder.Combine("group.db")}";
        await using var database = new SqliteDatabase(connectionString);
        await new MigrationRunner(database, TimeProvider.System).RunAsync(CancellationToken.None);
        var instances = new SqlInstanceStore(database);
        var existing = Instance(NewId("inst"));
        await instances.CommitAsync(Create(existing));

        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = database.WriteAsync(async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await started.Task;
        var groupsBefore = database.GroupsCommitted;

        var first = Instance(NewId("inst"));
        var landsFirst = instances.CommitAsync(Create(first, journal: [Entry(first.Id, 1), Entry(first.Id, 2)]));
        var stale = instances.CommitAsync(new InstanceCommit { Instance = Instance(existing.Id), ExpectedVersion = 7, Journal = [Entry(existing.Id, 1)] });
        var halfDone = Instance(NewId("inst"));
        var failsAfterWriting = database.WriteAsync<int>(async (connection, transaction) =>
        {
            await database.ExecuteBatchAsync(connection, transaction, CommitStatements.Build(Create(halfDone, journal: [Entry(halfDone.Id, 1)]), database.Dialect),
                stopWhenFirstChangesNothing: false, CancellationToken.None);
            throw new InvalidOperationException("fails after writing");
        }, CancellationToken.None);
        var last = Instance(NewId("inst"));
        var landsLast = instances.CommitAsync(Create(last, bookmarks: [Bookmark(NewId("bm"), last.Id, "Signal", "go-" + last.Id, null)]));

        release.SetResult();
        await holder;
        await landsFirst;
        await landsLast;
        Assert.ThrowsAsync<ConcurrencyException>(() => stale);
        Assert.ThrowsAsync<InvalidOperationException>(() => failsAfterWriting);

        Assert.That(database.GroupsCommitted - groupsBefore, Is.EqualTo(2), "the held write's transaction, then one for the four queued behind it");
        Assert.That(await instances.GetAsync(halfDone.Id), Is.Null, "a failed write is rolled back to its savepoint");
        Assert.That(await instances.GetJournalAsync(halfDone.Id), Is.Empty);
        Assert.That((await instances.GetAsync(existing.Id))!.Version, Is.EqualTo(1));
        Assert.That(await instances.GetJournalAsync(existing.Id), Is.Empty);

        // What was acknowledged is in the file: a second process (here a second database object, while the first is
        // still open and so never closed cleanly) reads it.
        await using var other = new SqliteDatabase(connectionString);
        var otherInstances = new SqlInstanceStore(other);
        Assert.That(await otherInstances.GetAsync(first.Id), Is.Not.Null);
        Assert.That(await otherInstances.GetJournalAsync(first.Id), Has.Count.EqualTo(2));
        Assert.That(await otherInstances.GetAsync(last.Id), Is.Not.Null);
        Assert.That(await otherInstances.FindBookmarksAsync("Signal", "go-" + last.Id, null), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_write_cancelled_while_queued_is_not_run()
    {
        using var folder = new TempDirectory("automation-sqlite");
        await using var database = new SqliteDatabase($"Data Source={folder.Combine("group.db")}");
        await new MigrationRunner(database, TimeProvider.System).RunAsync(CancellationToken.None);
        var instances = new SqlInstanceStore(database);

        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = database.WriteAsync(async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await started.Task;

        using var cancel = new CancellationTokenSource();
        var instance = Instance(NewId("inst"));
        var cancelled = instances.CommitAsync(Create(instance), cancel.Token);
        var other = Instance(NewId("inst"));
        var lands = instances.CommitAsync(Create(other));
        await cancel.CancelAsync();
        release.SetResult();
        await holder;
        await lands;

        Assert.CatchAsync<OperationCanceledException>(() => cancelled);
        Assert.That(await instances.GetAsync(instance.Id), Is.Null);
        Assert.That(await instances.GetAsync(other.Id), Is.Not.Null);
    }
}
