using Automation.Engine.Model;
using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Commits_add_and_remove_bookmarks()
    {
        var id = NewId("inst");
        var keep = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, "keep", "c1", dueAt: T0.AddHours(1));
        var drop = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, "drop", null);
        var instance = Instance(id);
        await Instances.CommitAsync(Create(instance, bookmarks: [keep, drop]));
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, RemovedBookmarkIds = [drop.Id] });

        Assert.That(await Instances.GetBookmarkAsync(drop.Id), Is.Null);
        var stored = await Instances.GetBookmarkAsync(keep.Id);
        Assert.That(stored, Is.Not.Null);
        Assert.That(Json(stored), Is.EqualTo(Json(keep)));
    }

    [Test]
    public async Task A_commit_removes_only_its_own_bookmarks()
    {
        var owner = NewId("inst");
        var other = Instance(NewId("inst"));
        var bookmark = Bookmark(NewId("bm"), owner, BookmarkKinds.Signal, "mine", null);
        await Instances.CommitAsync(Create(Instance(owner), bookmarks: [bookmark]));
        await Instances.CommitAsync(Create(other));

        await Instances.CommitAsync(new InstanceCommit { Instance = other, ExpectedVersion = 1, RemovedBookmarkIds = [bookmark.Id] });

        Assert.That(await Instances.GetBookmarkAsync(bookmark.Id), Is.Not.Null);
    }

    [Test]
    public async Task FindBookmarks_matches_kind_name_and_correlation_oldest_first()
    {
        var name = NewId("signal");
        var id = NewId("inst");
        var late = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, name, "case-1", createdAt: T0.AddSeconds(5));
        var early = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, name, "case-1", createdAt: T0.AddSeconds(1));
        var otherCase = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, name, "case-2", createdAt: T0.AddSeconds(3));
        var noCase = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, name, null, createdAt: T0.AddSeconds(4));
        var otherKind = Bookmark(NewId("bm"), id, "Email", name, "case-1");
        await Instances.CommitAsync(Create(Instance(id), bookmarks: [late, early, otherCase, noCase, otherKind]));

        var byCase = await Instances.FindBookmarksAsync(BookmarkKinds.Signal, name, "case-1");
        var anyCase = await Instances.FindBookmarksAsync(BookmarkKinds.Signal, name, null);
        var email = await Instances.FindBookmarksAsync("Email", name, null);

        Assert.That(byCase.Select(b => b.Id), Is.EqualTo(new[] { early.Id, late.Id }));
        Assert.That(anyCase.Select(b => b.Id), Is.EqualTo(new[] { early.Id, otherCase.Id, noCase.Id, late.Id }));
        Assert.That(email.Single().Id, Is.EqualTo(otherKind.Id));
        Assert.That(byCase[0].InstanceId, Is.EqualTo(id));
        Assert.That(byCase[0].Data!["attempt"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(await Instances.FindBookmarksAsync(BookmarkKinds.Signal, name, "case-9"), Is.Empty);
    }

    [Test]
    public async Task Due_bookmarks_are_claimed_earliest_first_up_to_the_due_time()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        Assert.That(await store.GetNextDueAsync(T0), Is.Null);
        var id = NewId("inst");
        var b3 = Bookmark("t3", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(3));
        var b1 = Bookmark("t1", id, BookmarkKinds.Retry, null, null, dueAt: T0.AddMinutes(1));
        var b2 = Bookmark("t2", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(2));
        var later = Bookmark("t9", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddDays(1));
        var never = Bookmark("s1", id, BookmarkKinds.Signal, "go", null);
        await store.CommitAsync(Create(Instance(id, status: WorkflowStatus.Suspended), bookmarks: [b3, b1, later, b2, never]));

        Assert.That(await store.ClaimDueBookmarksAsync("node-a", T0, T0, T0.AddMinutes(10), 10), Is.Empty);
        Assert.That((await store.ClaimDueBookmarksAsync("node-a", T0.AddMinutes(3), T0.AddMinutes(3), T0.AddMinutes(10), 10)).Select(b => b.Id),
            Is.EqualTo(new[] { "t1", "t2", "t3" }));
        Assert.That(await store.GetNextDueAsync(T0), Is.EqualTo(T0.AddMinutes(1)));
        Assert.That(await store.GetNextDueAsync(T0.AddMinutes(3)), Is.EqualTo(T0.AddDays(1)), "only timers later than the time given");

        var instance = (await store.GetAsync(id))!;
        await store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, RemovedBookmarkIds = ["t1"] });
        Assert.That(await store.GetNextDueAsync(T0), Is.EqualTo(T0.AddMinutes(2)));
    }

    [Test]
    public async Task Nodes_split_due_timers_and_a_dead_nodes_claim_is_taken_over_when_its_lease_ends()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        var ids = new string[3];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = NewId($"inst{i}");
            await store.CommitAsync(Create(Instance(ids[i], status: WorkflowStatus.Suspended),
                bookmarks: [Bookmark($"t{i}-{ids[i]}", ids[i], BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(i + 1))]));
        }
        var notDue = NewId("later");
        await store.CommitAsync(Create(Instance(notDue, status: WorkflowStatus.Suspended),
            bookmarks: [Bookmark($"t-{notDue}", notDue, BookmarkKinds.Timer, null, null, dueAt: T0.AddDays(1))]));
        var now = T0.AddMinutes(5);
        var leaseEnds = now.AddMinutes(1);

        var a = await store.ClaimDueBookmarksAsync("node-a", now, now, leaseEnds, 2);
        var b = await store.ClaimDueBookmarksAsync("node-b", now, now, leaseEnds, 10);

        Assert.That(a.Select(x => x.InstanceId), Is.EqualTo(ids[..2]), "node-a takes the two earliest");
        Assert.That(b.Select(x => x.InstanceId), Is.EqualTo(ids[2..]), "node-b the rest, none of node-a's");
        Assert.That(await store.ClaimDueBookmarksAsync("node-b", now.AddSeconds(30), now.AddSeconds(30), leaseEnds, 10), Is.Empty,
            "a node does not claim again what it holds (it is resuming it)");
        Assert.That((await store.ClaimDueBookmarksAsync("node-c", now.AddSeconds(30), now.AddSeconds(30), leaseEnds, 10)), Is.Empty, "all held");
        Assert.That((await store.ClaimDueBookmarksAsync("node-b", leaseEnds, leaseEnds, leaseEnds.AddMinutes(1), 10)).Select(x => x.InstanceId),
            Is.EquivalentTo(ids), "node-a's claim ended (it died): node-b takes its timers too");
        Assert.That(await store.TryAcquireLeaseAsync(notDue, "node-c", T0, T0.AddMinutes(1)), Is.True, "an instance with no due timer is not claimed");
    }

    [Test]
    public async Task A_due_timer_of_an_instance_a_node_is_running_waits_for_its_lease_unless_that_lease_is_known_dead()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        var id = NewId("inst");
        await store.CommitAsync(new InstanceCommit
        {
            Instance = Instance(id), ExpectedVersion = 0, LeaseOwner = "node-a", LeaseUntil = T0.AddMinutes(10),
            AddedBookmarks = [Bookmark($"t-{id}", id, BookmarkKinds.Retry, null, null, dueAt: T0.AddMinutes(1))],
        });
        var now = T0.AddMinutes(2);
        var dead = DateTimeOffset.MaxValue.AddDays(-1);

        Assert.That(await store.ClaimDueBookmarksAsync("node-b", now, now, now.AddMinutes(1), 10), Is.Empty, "another node's live lease");
        Assert.That(await store.ClaimDueBookmarksAsync("node-a", now, dead, now.AddMinutes(1), 10), Is.Empty, "its own run is still going");
        Assert.That(await store.ClaimDueBookmarksAsync("node-b", now, dead, now.AddMinutes(1), 10), Has.Count.EqualTo(1),
            "a single node restarting takes over its previous life's leases");
        Assert.That(await store.ClaimDueBookmarksAsync("node-c", T0.AddMinutes(3), T0.AddMinutes(3), T0.AddMinutes(4), 10), Has.Count.EqualTo(1),
            "and once that claim ends, any node may");
    }

    [Test]
    public async Task Concurrent_claims_of_two_nodes_never_return_the_same_instance()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        var ids = Enumerable.Range(0, 60).Select(i => NewId($"inst{i:00}")).ToArray();
        foreach (var id in ids)
            await store.CommitAsync(Create(Instance(id, status: WorkflowStatus.Suspended),
                bookmarks: [Bookmark($"t-{id}", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(1))]));
        var now = T0.AddMinutes(2);

        async Task<List<string>> NodeAsync(string node)
        {
            var mine = new List<string>();
            while (true)
            {
                // Empty only when nothing is left that the other node is not claiming in the same moment (and it then gets those).
                var claimed = await store.ClaimDueBookmarksAsync(node, now, now, now.AddMinutes(1), 4);
                if (claimed.Count == 0) return mine;
                foreach (var bookmark in claimed)
                {
                    mine.Add(bookmark.InstanceId);
                    // Resume it as the timer loop would: the commit takes the bookmark away.
                    var instance = (await store.GetAsync(bookmark.InstanceId))!;
                    instance.Status = WorkflowStatus.Finished;
                    await store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = instance.Version, RemovedBookmarkIds = [bookmark.Id] });
                }
            }
        }

        var results = await Task.WhenAll(Task.Run(() => NodeAsync("node-a")), Task.Run(() => NodeAsync("node-b")));

        Assert.That(results[0].Intersect(results[1]), Is.Empty, "no instance claimed by both");
        Assert.That(results[0].Concat(results[1]), Is.EquivalentTo(ids), "every due timer claimed once");
    }

    [Test]
    public async Task A_single_node_reads_due_timers_page_by_page_earliest_first_without_claiming_them()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        var id = NewId("inst");
        var t3b = Bookmark("t3b", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(3));
        var t1 = Bookmark("t1", id, BookmarkKinds.Retry, null, null, dueAt: T0.AddMinutes(1));
        var t3a = Bookmark("t3a", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(3));
        var t2 = Bookmark("t2", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(2));
        var later = Bookmark("t9", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddDays(1));
        var never = Bookmark("s1", id, BookmarkKinds.Signal, "go", null);
        await store.CommitAsync(Create(Instance(id, status: WorkflowStatus.Suspended), bookmarks: [t3b, t1, later, t3a, t2, never]));
        var now = T0.AddMinutes(3);

        Assert.That(await store.FindDueBookmarksAsync("node-a", T0, null, 10), Is.Empty, "nothing due yet");
        var first = await store.FindDueBookmarksAsync("node-a", now, null, 2);
        var second = await store.FindDueBookmarksAsync("node-a", now, first[^1], 2);
        var third = await store.FindDueBookmarksAsync("node-a", now, second[^1], 2);

        Assert.That(first.Select(b => b.Id), Is.EqualTo(new[] { "t1", "t2" }));
        Assert.That(second.Select(b => b.Id), Is.EqualTo(new[] { "t3a", "t3b" }), "same due time: by id");
        Assert.That(third, Is.Empty, "every due timer read once; the later one and the signal are not due");
        Assert.That(Json(second[1]), Is.EqualTo(Json(t3b)), "the whole bookmark");
        Assert.That(await store.FindDueBookmarksAsync("node-a", now, first[^1], 2), Has.Count.EqualTo(2), "a read took nothing away");
        Assert.That((await store.ClaimDueBookmarksAsync("node-b", now, now, now.AddMinutes(1), 10)).Select(b => b.Id),
            Is.EqualTo(new[] { "t1", "t2", "t3a", "t3b" }), "and wrote no lease: any node can still claim them all");

        var instance = (await store.GetAsync(id))!;
        await store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = instance.Version, RemovedBookmarkIds = ["t1", "t2"] });
        Assert.That((await store.FindDueBookmarksAsync("node-c", now, first[^1], 10)).Select(b => b.Id), Is.EqualTo(new[] { "t3a", "t3b" }),
            "a page can follow a bookmark that was resumed since it was read");
        Assert.That(await store.FindDueBookmarksAsync("node-c", now.AddDays(2), later, 10), Is.Empty, "nothing after the last timer");
    }

    [Test]
    public async Task A_single_nodes_read_of_due_timers_leaves_out_instances_it_is_running()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        var id = NewId("inst");
        await store.CommitAsync(new InstanceCommit
        {
            Instance = Instance(id), ExpectedVersion = 0, LeaseOwner = "node-a", LeaseUntil = T0.AddMinutes(10),
            AddedBookmarks = [Bookmark($"t-{id}", id, BookmarkKinds.Retry, null, null, dueAt: T0.AddMinutes(1))],
        });
        var now = T0.AddMinutes(2);

        Assert.That(await store.FindDueBookmarksAsync("node-a", now, null, 10), Is.Empty, "its own run is still going: the timer waits for it");
        Assert.That((await store.FindDueBookmarksAsync("node-b", now, null, 10)).Select(b => b.Id), Is.EqualTo(new[] { $"t-{id}" }),
            "another owner's lease is ignored (on a single node, that owner was this node's previous life)");
        Assert.That(await store.FindDueBookmarksAsync("node-a", T0.AddMinutes(10), null, 10), Has.Count.EqualTo(1), "once its lease ends");
    }

    [Test]
    public void Reading_due_timers_names_what_is_wrong_with_its_arguments()
    {
        var signal = Bookmark(NewId("bm"), NewId("inst"), BookmarkKinds.Signal, "go", null);

        var noOwner = Assert.ThrowsAsync<ArgumentException>(() => Instances.FindDueBookmarksAsync(" ", T0, null, 10));
        var noDueTime = Assert.ThrowsAsync<ArgumentException>(() => Instances.FindDueBookmarksAsync("node-a", T0, signal, 10));

        Assert.That(noOwner!.ParamName, Is.EqualTo("owner"));
        Assert.That(noDueTime!.ParamName, Is.EqualTo("after"));
        Assert.That(noDueTime.Message, Does.Contain(signal.Id).And.Contain("no due time"));
    }

    [Test]
    public async Task A_resume_target_is_the_bookmark_its_instance_and_its_version_as_read_one_by_one()
    {
        var definition = Definition(NewId("def"));
        await Definitions.SaveDraftAsync(definition, "alice");
        await Definitions.PublishAsync(definition.Id, "first", "alice");
        await Definitions.SaveDraftAsync(definition, "alice"); // a newer draft: the instance still runs version 1
        var id = NewId("inst");
        var instance = FullInstance(id);
        instance.DefinitionId = definition.Id;
        instance.DefinitionVersion = 1;
        instance.Status = WorkflowStatus.Suspended;
        var bookmark = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, "go", "case-1", dueAt: T0.AddHours(1));
        await Instances.CommitAsync(Create(instance, bookmarks: [bookmark]));

        var target = await Instances.GetResumeTargetAsync(bookmark.Id);

        Assert.That(target, Is.Not.Null);
        Assert.That(Json(target!.Bookmark), Is.EqualTo(Json(await Instances.GetBookmarkAsync(bookmark.Id))));
        Assert.That(Json(target.Instance), Is.EqualTo(Json(await Instances.GetAsync(id))));
        Assert.That(target.Instance.Version, Is.EqualTo(1));
        Assert.That(Json(target.Version), Is.EqualTo(Json(await Definitions.GetVersionAsync(definition.Id, 1))));
        Assert.That(target.Version!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_resume_target_of_a_missing_version_has_none_and_a_resumed_bookmark_has_no_target()
    {
        var id = NewId("inst");
        var instance = Instance(id, definitionId: NewId("never-saved"));
        var bookmark = Bookmark(NewId("bm"), id, BookmarkKinds.Signal, "go", null);
        await Instances.CommitAsync(Create(instance, bookmarks: [bookmark]));

        var target = await Instances.GetResumeTargetAsync(bookmark.Id);
        Assert.That(target, Is.Not.Null);
        Assert.That(target!.Instance.Id, Is.EqualTo(id));
        Assert.That(target.Version, Is.Null);

        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, RemovedBookmarkIds = [bookmark.Id] });
        Assert.That(await Instances.GetResumeTargetAsync(bookmark.Id), Is.Null, "a resumed bookmark");
        Assert.That(await Instances.GetResumeTargetAsync("missing"), Is.Null);
    }
}
