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
    public async Task Due_bookmarks_come_earliest_first_up_to_the_due_time()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        Assert.That(await store.GetNextDueAsync(), Is.Null);
        var id = NewId("inst");
        var b3 = Bookmark("t3", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(3));
        var b1 = Bookmark("t1", id, BookmarkKinds.Retry, null, null, dueAt: T0.AddMinutes(1));
        var b2 = Bookmark("t2", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddMinutes(2));
        var later = Bookmark("t9", id, BookmarkKinds.Timer, null, null, dueAt: T0.AddDays(1));
        var never = Bookmark("s1", id, BookmarkKinds.Signal, "go", null);
        await store.CommitAsync(Create(Instance(id), bookmarks: [b3, b1, later, b2, never]));

        Assert.That((await store.FindDueBookmarksAsync(T0.AddMinutes(3), 10)).Select(b => b.Id), Is.EqualTo(new[] { "t1", "t2", "t3" }));
        Assert.That((await store.FindDueBookmarksAsync(T0.AddMinutes(3), 2)).Select(b => b.Id), Is.EqualTo(new[] { "t1", "t2" }));
        Assert.That(await store.FindDueBookmarksAsync(T0, 10), Is.Empty);
        Assert.That(await store.GetNextDueAsync(), Is.EqualTo(T0.AddMinutes(1)));

        var instance = (await store.GetAsync(id))!;
        await store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, RemovedBookmarkIds = ["t1"] });
        Assert.That(await store.GetNextDueAsync(), Is.EqualTo(T0.AddMinutes(2)));
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
