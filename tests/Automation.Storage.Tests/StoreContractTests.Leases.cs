using Automation.Engine.Model;
using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task A_lease_is_refused_while_another_node_holds_it_and_taken_over_once_expired()
    {
        var id = NewId("inst");
        await Instances.CommitAsync(Create(Instance(id)));

        Assert.That(await Instances.TryAcquireLeaseAsync(id, "node-a", T0, T0.AddSeconds(30)), Is.True, "free");
        Assert.That(await Instances.TryAcquireLeaseAsync(id, "node-b", T0.AddSeconds(10), T0.AddSeconds(40)), Is.False, "live");
        Assert.That(await Instances.TryAcquireLeaseAsync(id, "node-a", T0.AddSeconds(10), T0.AddSeconds(40)), Is.True, "owner again");
        Assert.That(await Instances.RenewLeaseAsync(id, "node-b", T0.AddSeconds(60)), Is.False, "renewed by a stranger");
        Assert.That(await Instances.RenewLeaseAsync(id, "node-a", T0.AddSeconds(60)), Is.True);
        Assert.That(await Instances.TryAcquireLeaseAsync(id, "node-b", T0.AddSeconds(59), T0.AddSeconds(90)), Is.False, "renewed until 60");
        Assert.That(await Instances.TryAcquireLeaseAsync(id, "node-b", T0.AddSeconds(60), T0.AddSeconds(90)), Is.True, "expired");
        Assert.That(await Instances.RenewLeaseAsync(id, "node-a", T0.AddSeconds(120)), Is.False, "lost it");
        Assert.That(await Instances.TryAcquireLeaseAsync("missing", "node-a", T0, T0.AddSeconds(30)), Is.False);
    }

    [Test]
    public async Task A_commit_sets_or_clears_the_lease()
    {
        var instance = Instance(NewId("inst"));
        var until = DateTimeOffset.UtcNow.AddMinutes(5);
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 0, LeaseOwner = "node-a", LeaseUntil = until });

        Assert.That(await Instances.TryAcquireLeaseAsync(instance.Id, "node-b", DateTimeOffset.UtcNow, until), Is.False);

        instance.Status = WorkflowStatus.Suspended;
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1 });

        Assert.That(await Instances.TryAcquireLeaseAsync(instance.Id, "node-b", DateTimeOffset.UtcNow, until), Is.True);
    }

    [Test]
    public async Task FindRecoverable_lists_running_instances_whose_lease_is_free_or_expired()
    {
        await using var fresh = await OpenFreshAsync();
        var store = fresh.Instances;
        var now = T0.AddHours(1);
        await store.CommitAsync(new InstanceCommit { Instance = Instance("expired-early"), ExpectedVersion = 0, LeaseOwner = "dead", LeaseUntil = now.AddMinutes(-10) });
        await store.CommitAsync(new InstanceCommit { Instance = Instance("expired-late"), ExpectedVersion = 0, LeaseOwner = "dead", LeaseUntil = now.AddMinutes(-1) });
        await store.CommitAsync(new InstanceCommit { Instance = Instance("expires-now"), ExpectedVersion = 0, LeaseOwner = "dead", LeaseUntil = now });
        await store.CommitAsync(Create(Instance("no-lease")));
        await store.CommitAsync(new InstanceCommit { Instance = Instance("live"), ExpectedVersion = 0, LeaseOwner = "alive", LeaseUntil = now.AddMinutes(1) });
        await store.CommitAsync(Create(Instance("suspended", status: WorkflowStatus.Suspended)));
        await store.CommitAsync(Create(Instance("finished", status: WorkflowStatus.Finished)));

        var recoverable = await store.FindRecoverableAsync(now, 10);

        Assert.That(recoverable, Is.EqualTo(new[] { "no-lease", "expired-early", "expired-late", "expires-now" }));
        Assert.That(await store.FindRecoverableAsync(now, 2), Is.EqualTo(new[] { "no-lease", "expired-early" }));
        Assert.That(await store.TryAcquireLeaseAsync("expired-late", "me", now, now.AddMinutes(1)), Is.True);
        Assert.That(await store.FindRecoverableAsync(now, 10), Does.Not.Contain("expired-late"));
    }
}
