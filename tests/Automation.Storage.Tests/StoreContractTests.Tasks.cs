using Automation.Engine.Model;
using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Tasks_written_by_a_commit_are_read_back_whole()
    {
        var id = NewId("inst");
        var task = HumanTaskFor(NewId("task"), id, role: "foiOfficer");
        await Instances.CommitAsync(Create(Instance(id), tasks: [task]));

        var loaded = await Tasks.GetAsync(task.Id);

        Assert.That(Json(loaded), Is.EqualTo(Json(task)));
        Assert.That(await Tasks.GetAsync("missing"), Is.Null);
    }

    [Test]
    public async Task Only_one_user_can_claim_an_open_task()
    {
        var id = NewId("inst");
        var task = HumanTaskFor(NewId("task"), id, role: "foiOfficer");
        await Instances.CommitAsync(Create(Instance(id), tasks: [task]));

        Assert.That(await Tasks.TryClaimAsync(task.Id, "alice"), Is.True);
        Assert.That(await Tasks.TryClaimAsync(task.Id, "bob"), Is.False);
        Assert.That(await Tasks.TryClaimAsync(task.Id, "alice"), Is.True, "claiming again is harmless");
        Assert.That(await Tasks.TryClaimAsync("missing", "alice"), Is.False);

        var claimed = await Tasks.GetAsync(task.Id);
        Assert.That(claimed!.Status, Is.EqualTo(HumanTaskStatus.Claimed));
        Assert.That(claimed.ClaimedBy, Is.EqualTo("alice"));
    }

    [Test]
    public async Task A_released_task_returns_to_the_pool_or_goes_to_another_assignee()
    {
        var id = NewId("inst");
        var task = HumanTaskFor(NewId("task"), id, role: "foiOfficer");
        await Instances.CommitAsync(Create(Instance(id), tasks: [task]));
        await Tasks.TryClaimAsync(task.Id, "alice");

        Assert.That(await Tasks.ReleaseAsync(task.Id, null), Is.True);
        var open = await Tasks.GetAsync(task.Id);
        Assert.That(open!.Status, Is.EqualTo(HumanTaskStatus.Open));
        Assert.That(open.ClaimedBy, Is.Null);
        Assert.That(await Tasks.TryClaimAsync(task.Id, "bob"), Is.True);

        Assert.That(await Tasks.ReleaseAsync(task.Id, "carol"), Is.True);
        Assert.That((await Tasks.GetAsync(task.Id))!.Assignee, Is.EqualTo("carol"));
        Assert.That(await Tasks.ReleaseAsync("missing", null), Is.False);
    }

    [Test]
    public async Task Completed_tasks_cannot_be_claimed_or_released()
    {
        var id = NewId("inst");
        var instance = Instance(id);
        var task = HumanTaskFor(NewId("task"), id, role: "foiOfficer");
        await Instances.CommitAsync(Create(instance, tasks: [task]));
        task.Status = HumanTaskStatus.Completed;
        task.CompletedBy = "alice";
        task.CompletedAt = T0.AddHours(2);
        task.Result = new() { ["ok"] = true };
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, UpdatedTasks = [task] });

        var loaded = await Tasks.GetAsync(task.Id);
        Assert.That(Json(loaded), Is.EqualTo(Json(task)));
        Assert.That(await Tasks.TryClaimAsync(task.Id, "bob"), Is.False);
        Assert.That(await Tasks.ReleaseAsync(task.Id, null), Is.False);
    }

    [Test]
    public async Task Task_lists_show_a_user_their_tasks_and_their_roles_unclaimed_tasks()
    {
        var id = NewId("inst");
        var role = NewId("role");
        var user = NewId("user");
        var mine = HumanTaskFor(NewId("mine"), id, assignee: user, createdAt: T0.AddMinutes(1));
        var pool = HumanTaskFor(NewId("pool"), id, role: role, createdAt: T0.AddMinutes(2));
        var claimedByMe = HumanTaskFor(NewId("claimed"), id, role: role, createdAt: T0.AddMinutes(3));
        var claimedByOther = HumanTaskFor(NewId("taken"), id, role: role, createdAt: T0.AddMinutes(4));
        var assignedToOther = HumanTaskFor(NewId("theirs"), id, assignee: "someone", role: role, createdAt: T0.AddMinutes(5));
        var otherRole = HumanTaskFor(NewId("else"), id, role: NewId("role"), createdAt: T0.AddMinutes(6));
        await Instances.CommitAsync(Create(Instance(id), tasks: [mine, pool, claimedByMe, claimedByOther, assignedToOther, otherRole]));
        await Tasks.TryClaimAsync(claimedByMe.Id, user);
        await Tasks.TryClaimAsync(claimedByOther.Id, "someone");

        async Task<string[]> Ids(TaskQuery query) => [.. (await Tasks.ListAsync(query)).Items.Select(t => t.Id)];

        Assert.That(await Ids(new TaskQuery { User = user, Roles = [role, "other"] }), Is.EqualTo(new[] { claimedByMe.Id, pool.Id, mine.Id }));
        Assert.That(await Ids(new TaskQuery { User = user }), Is.EqualTo(new[] { claimedByMe.Id, mine.Id }));
        Assert.That(await Ids(new TaskQuery { Roles = [role] }), Is.EqualTo(new[] { pool.Id }));
        Assert.That(await Ids(new TaskQuery { User = user, Status = HumanTaskStatus.Open }), Is.EqualTo(new[] { mine.Id }));
        Assert.That(await Ids(new TaskQuery { InstanceId = id }), Has.Length.EqualTo(6));

        var first = await Tasks.ListAsync(new TaskQuery { InstanceId = id, PageSize = 4 });
        var second = await Tasks.ListAsync(new TaskQuery { InstanceId = id, PageSize = 4, Cursor = first.NextCursor });
        Assert.That(first.Items.Select(t => t.Id), Is.EqualTo(new[] { otherRole.Id, assignedToOther.Id, claimedByOther.Id, claimedByMe.Id }));
        Assert.That(second.Items.Select(t => t.Id), Is.EqualTo(new[] { pool.Id, mine.Id }));
        Assert.That(second.NextCursor, Is.Null);
    }
}
