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

        Assert.That(await Ids(new TaskQuery { InstanceId = id, User = user, Roles = [role, "other"] }), Is.EqualTo(new[] { claimedByMe.Id, pool.Id, mine.Id }));
        Assert.That(await Ids(new TaskQuery { InstanceId = id, User = user }), Is.EqualTo(new[] { claimedByMe.Id, mine.Id }));
        Assert.That(await Ids(new TaskQuery { InstanceId = id, Roles = [role] }), Is.EqualTo(new[] { pool.Id }));
        Assert.That(await Ids(new TaskQuery { InstanceId = id, User = user, Status = HumanTaskStatus.Open }), Is.EqualTo(new[] { mine.Id }));
        Assert.That(await Ids(new TaskQuery { InstanceId = id }), Has.Length.EqualTo(6));

        var first = await Tasks.ListAsync(new TaskQuery { InstanceId = id, PageSize = 4 });
        var second = await Tasks.ListAsync(new TaskQuery { InstanceId = id, PageSize = 4, Cursor = first.NextCursor });
        Assert.That(first.Items.Select(t => t.Id), Is.EqualTo(new[] { otherRole.Id, assignedToOther.Id, claimedByOther.Id, claimedByMe.Id }));
        Assert.That(second.Items.Select(t => t.Id), Is.EqualTo(new[] { pool.Id, mine.Id }));
        Assert.That(second.NextCursor, Is.Null);
    }

    [Test]
    public async Task Task_lists_show_a_user_tasks_open_to_anyone_and_tasks_they_completed_or_claimed()
    {
        var id = NewId("inst");
        var instance = Instance(id);
        var role = NewId("role");
        var user = NewId("user");
        var anyone = HumanTaskFor(NewId("anyone"), id, createdAt: T0.AddMinutes(1));
        var anyoneTaken = HumanTaskFor(NewId("anyone-taken"), id, createdAt: T0.AddMinutes(2));
        var completedByMe = HumanTaskFor(NewId("done-by-me"), id, assignee: "someone", role: "other", createdAt: T0.AddMinutes(3));
        var claimedByMe = HumanTaskFor(NewId("claimed-by-me"), id, role: "other", createdAt: T0.AddMinutes(4));
        var poolDoneByOther = HumanTaskFor(NewId("pool-done"), id, role: role, createdAt: T0.AddMinutes(5));
        var otherDone = HumanTaskFor(NewId("other-done"), id, role: "other", createdAt: T0.AddMinutes(6));
        await Instances.CommitAsync(Create(instance, tasks: [anyone, anyoneTaken, completedByMe, claimedByMe, poolDoneByOther, otherDone]));
        await Tasks.TryClaimAsync(anyoneTaken.Id, "someone");
        await Tasks.TryClaimAsync(claimedByMe.Id, user);
        // Claimed by a colleague, then completed: the claim no longer keeps it from the rest of the role's pool.
        await Tasks.TryClaimAsync(poolDoneByOther.Id, "someone");
        poolDoneByOther = (await Tasks.GetAsync(poolDoneByOther.Id))!;
        foreach (var (task, by) in new[] { (completedByMe, user), (poolDoneByOther, "someone"), (otherDone, "someone") })
        {
            task.Status = HumanTaskStatus.Completed;
            task.CompletedBy = by;
            task.CompletedAt = T0.AddHours(1);
        }

        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, UpdatedTasks = [completedByMe, poolDoneByOther, otherDone] });

        async Task<string[]> Ids(TaskQuery query) => [.. (await Tasks.ListAsync(query with { InstanceId = id })).Items.Select(t => t.Id)];

        Assert.That(await Ids(new TaskQuery { User = user, Roles = [role] }),
            Is.EqualTo(new[] { poolDoneByOther.Id, claimedByMe.Id, completedByMe.Id, anyone.Id }));
        Assert.That(await Ids(new TaskQuery { User = user, Roles = [] }), Is.EqualTo(new[] { claimedByMe.Id, completedByMe.Id, anyone.Id }));
        Assert.That(await Ids(new TaskQuery { User = "nobody", Roles = [] }), Is.EqualTo(new[] { anyone.Id }), "a stranger sees only what is open to anyone");
        Assert.That(await Ids(new TaskQuery { User = user, Roles = [role], Status = HumanTaskStatus.Completed }),
            Is.EqualTo(new[] { poolDoneByOther.Id, completedByMe.Id }));
        Assert.That(await Ids(new TaskQuery()), Has.Length.EqualTo(6), "without a user every task is listed");
    }

    [Test]
    public async Task Task_lists_filter_by_the_same_rule_as_task_visibility()
    {
        // Every combination of assignee, role, claim and status, so that the store's query and the rule the API
        // applies to a single task (TaskVisibility) cannot drift apart.
        var id = NewId("inst");
        var instance = Instance(id);
        const string user = "ursula";
        string[] roles = ["foiOfficer"];
        var tasks = new List<HumanTask>();
        var minute = 0;
        foreach (var assignee in new[] { null, user, "someone" })
        foreach (var role in new[] { null, "foiOfficer", "other" })
        foreach (var claimedBy in new[] { null, user, "someone" })
        foreach (var status in new[] { HumanTaskStatus.Open, HumanTaskStatus.Completed })
        {
            var task = HumanTaskFor(NewId("t"), id, assignee, role, T0.AddMinutes(minute++));
            task.ClaimedBy = claimedBy;
            task.Status = status == HumanTaskStatus.Open && claimedBy is not null ? HumanTaskStatus.Claimed : status;
            if (status == HumanTaskStatus.Completed)
            {
                task.CompletedBy = claimedBy ?? "someone";
                task.CompletedAt = T0.AddHours(1);
            }

            tasks.Add(task);
        }

        await Instances.CommitAsync(Create(instance, tasks: tasks));

        var listed = (await Tasks.ListAsync(new TaskQuery { InstanceId = id, User = user, Roles = roles, PageSize = 500 })).Items.Select(t => t.Id);
        var expected = tasks.Where(t => TaskVisibility.IsVisible(t, user, roles)).OrderByDescending(t => t.CreatedAt).Select(t => t.Id);
        Assert.That(listed, Is.EqualTo(expected));
        Assert.That(expected.Count(), Is.InRange(1, tasks.Count - 1), "the data has tasks on both sides of the rule");
    }
}
