using Automation.Engine.Model;
using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Commit_round_trip_keeps_the_whole_instance_and_its_execution_state()
    {
        var instance = FullInstance(NewId("inst"));
        await Instances.CommitAsync(Create(instance));

        var loaded = await Instances.GetAsync(instance.Id);

        Assert.That(instance.Version, Is.EqualTo(1), "the commit sets the caller's version");
        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.Version, Is.EqualTo(1));
        Assert.That(Json(loaded), Is.EqualTo(Json(instance)));
        Assert.That(loaded.State.Scopes["s7"].ParentId, Is.EqualTo(ScopeState.RootId));
        Assert.That(loaded.State.Queue.Select(w => w.Kind), Is.EqualTo(new[] { WorkKind.Execute, WorkKind.Resume, WorkKind.ScopeCompleted }));
        Assert.That(loaded.State.Incidents.Single().Attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task Loaded_instances_are_copies_that_callers_cannot_alias()
    {
        var instance = FullInstance(NewId("inst"));
        await Instances.CommitAsync(Create(instance));
        instance.State.Scopes[ScopeState.RootId].Variables["count"] = 99;

        var first = await Instances.GetAsync(instance.Id);
        first!.State.Queue.Clear();
        var second = await Instances.GetAsync(instance.Id);

        Assert.That(second!.State.Scopes[ScopeState.RootId].Variables["count"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(second.State.Queue, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Times_come_back_in_UTC_whole_milliseconds()
    {
        var instance = Instance(NewId("inst"), createdAt: new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(12_345_678));
        await Instances.CommitAsync(Create(instance));

        var loaded = await Instances.GetAsync(instance.Id);

        Assert.That(loaded!.CreatedAt, Is.EqualTo(instance.CreatedAt).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(loaded.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(loaded.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond, Is.Zero);
    }

    [Test]
    public async Task Each_commit_needs_the_version_it_read_and_bumps_it()
    {
        var instance = Instance(NewId("inst"));
        await Instances.CommitAsync(Create(instance));
        instance.Status = WorkflowStatus.Suspended;
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1 });

        Assert.That(instance.Version, Is.EqualTo(2));
        var loaded = await Instances.GetAsync(instance.Id);
        Assert.That(loaded!.Version, Is.EqualTo(2));
        Assert.That(loaded.Status, Is.EqualTo(WorkflowStatus.Suspended));

        var stale = Assert.ThrowsAsync<ConcurrencyException>(() => Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1 }));
        Assert.That(stale!.InstanceId, Is.EqualTo(instance.Id));
        Assert.That(stale.ExpectedVersion, Is.EqualTo(1));
        Assert.ThrowsAsync<ConcurrencyException>(() => Instances.CommitAsync(Create(Instance(instance.Id))), "creating an existing id");
    }

    [Test]
    public async Task Of_two_commits_from_the_same_version_exactly_one_wins()
    {
        var id = NewId("inst");
        await Instances.CommitAsync(Create(Instance(id)));
        var a = (await Instances.GetAsync(id))!;
        var b = (await Instances.GetAsync(id))!;
        a.Status = WorkflowStatus.Finished;
        b.Status = WorkflowStatus.Cancelled;

        var results = await Task.WhenAll(
            TryCommit(new InstanceCommit { Instance = a, ExpectedVersion = 1, AddedBookmarks = [Bookmark(NewId("bm"), id, "Signal", "a", null)], Journal = [Entry(id, 1, "from a")] }),
            TryCommit(new InstanceCommit { Instance = b, ExpectedVersion = 1, AddedBookmarks = [Bookmark(NewId("bm"), id, "Signal", "b", null)], Journal = [Entry(id, 1, "from b")] }));

        Assert.That(results.Count(won => won), Is.EqualTo(1));
        var winner = results[0] ? "a" : "b";
        var stored = await Instances.GetAsync(id);
        Assert.That(stored!.Version, Is.EqualTo(2));
        Assert.That(stored.Status, Is.EqualTo(winner == "a" ? WorkflowStatus.Finished : WorkflowStatus.Cancelled));
        Assert.That((await Instances.GetJournalAsync(id)).Single().Message, Is.EqualTo("from " + winner), "the loser's journal is not written");
        Assert.That(await Instances.FindBookmarksAsync("Signal", winner == "a" ? "b" : "a", null), Is.Empty, "the loser's bookmarks are not written");
    }

    [Test]
    public async Task Among_many_concurrent_commits_only_those_that_lose_a_version_race_fail()
    {
        // Stores may merge concurrent commits into one transaction (group commit): a loser must fail alone.
        var contested = Enumerable.Range(0, 8).Select(_ => NewId("inst")).ToList();
        foreach (var id in contested)
        {
            await Instances.CommitAsync(Create(Instance(id)));
        }

        var fresh = Enumerable.Range(0, 16).Select(_ => NewId("inst")).ToList();
        var attempts = new List<(string Id, string Who, Task<bool> Won)>();
        foreach (var id in contested)
        {
            foreach (var who in new[] { "a", "b" })
            {
                var copy = (await Instances.GetAsync(id))!;
                copy.Status = WorkflowStatus.Suspended;
                attempts.Add((id, who, TryCommit(new InstanceCommit
                {
                    Instance = copy,
                    ExpectedVersion = 1,
                    AddedBookmarks = [Bookmark(NewId("bm"), id, "Signal", $"{who}-{id}", id)],
                    Journal = [Entry(id, 1, "from " + who), Entry(id, 2, "then " + who)],
                })));
            }
        }

        var creates = fresh.Select(id => TryCommit(Create(Instance(id), journal: [Entry(id, 1), Entry(id, 2)]))).ToList();
        await Task.WhenAll(attempts.Select(a => a.Won).Concat(creates));

        Assert.That(creates.Select(c => c.Result), Is.All.True, "commits of other instances are not failed by a loser");
        foreach (var id in fresh)
        {
            Assert.That(await Instances.GetJournalAsync(id), Has.Count.EqualTo(2));
        }

        foreach (var group in attempts.GroupBy(a => a.Id))
        {
            var winners = group.Where(a => a.Won.Result).ToList();
            Assert.That(winners, Has.Count.EqualTo(1), "exactly one commit from version 1 wins");
            var winner = winners[0].Who;
            Assert.That((await Instances.GetAsync(group.Key))!.Version, Is.EqualTo(2));
            Assert.That((await Instances.GetJournalAsync(group.Key)).Select(e => e.Message), Is.EqualTo(new[] { "from " + winner, "then " + winner }));
            Assert.That((await Instances.FindBookmarksAsync("Signal", null, group.Key)).Select(b => b.Name), Is.EqualTo(new[] { $"{winner}-{group.Key}" }),
                "the loser's bookmark is not written");
        }
    }

    [Test]
    public async Task Of_two_creates_with_the_same_id_exactly_one_wins()
    {
        var id = NewId("inst");
        var results = await Task.WhenAll(TryCommit(Create(Instance(id))), TryCommit(Create(Instance(id))));
        Assert.That(results.Count(won => won), Is.EqualTo(1));
    }

    [Test]
    public async Task Updating_an_instance_that_does_not_exist_is_a_concurrency_failure()
    {
        var id = NewId("inst");
        var commit = new InstanceCommit
        {
            Instance = Instance(id),
            ExpectedVersion = 4,
            AddedBookmarks = [Bookmark(NewId("bm"), id, "Signal", "x", null)],
            Journal = [Entry(id, 1)],
        };

        Assert.ThrowsAsync<ConcurrencyException>(() => Instances.CommitAsync(commit));
        Assert.That(await Instances.GetAsync(id), Is.Null);
        Assert.That(await Instances.GetJournalAsync(id), Is.Empty);
    }

    [Test]
    public async Task Unknown_instance_is_null()
    {
        Assert.That(await Instances.GetAsync("missing-" + Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task ListChildren_returns_the_instances_a_parent_started_oldest_first()
    {
        var parent = NewId("parent");
        await Instances.CommitAsync(Create(Instance(parent)));
        var second = Instance(NewId("child"), createdAt: T0.AddSeconds(2));
        var first = Instance(NewId("child"), createdAt: T0.AddSeconds(1));
        second.ParentInstanceId = parent;
        first.ParentInstanceId = parent;
        await Instances.CommitAsync(Create(second));
        await Instances.CommitAsync(Create(first));
        await Instances.CommitAsync(Create(Instance(NewId("other"))));

        var children = await Instances.ListChildrenAsync(parent);

        Assert.That(children.Select(c => c.Id), Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That(children[0].ParentInstanceId, Is.EqualTo(parent));
    }

    private async Task<bool> TryCommit(InstanceCommit commit)
    {
        await Task.Yield();
        try
        {
            await Instances.CommitAsync(commit);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }
}
