using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Automation.Engine.Tests.Hosting;

/// <summary>The timer loop of a single node, which reads due timers instead of claiming them.</summary>
public class SingleNodeTimerTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static WorkflowDefinition WaitAMinute() => Flow.Create("single-node-delay")
        .Start()
        .Activity("pause", "Delay", new JsonObject { ["duration"] = "00:01:00" })
        .Log("after", "after the pause")
        .Chain("start", "pause", "after")
        .Build();

    [Test]
    public async Task A_single_node_resumes_due_timers_without_taking_leases_and_retries_a_failed_one_after_a_lease_duration()
    {
        var clock = new FakeTimeProvider(Monday);
        var failing = new FailingResumes();
        await using var engine = EngineHarness.Create(clock, services: s =>
        {
            var inner = s.Last(d => d.ServiceType == typeof(IInstanceStore)).ImplementationInstance as IInstanceStore
                ?? throw new InvalidOperationException("The harness registers its instance store as an instance.");
            s.AddSingleton<IInstanceStore>(new FailingResumeStore(inner, failing));
        });
        await engine.PublishAsync(WaitAMinute());
        var broken = await engine.StartAsync("single-node-delay");
        var fine = await engine.StartAsync("single-node-delay");
        failing.BookmarkId = broken.Waits(BookmarkKinds.Timer).Single().Id;
        await engine.StartHostedServicesAsync();

        clock.Advance(TimeSpan.FromMinutes(1));
        await engine.WaitForAsync(fine.Id, i => i.Status == WorkflowStatus.Finished);
        Assert.That(failing.Attempts, Is.EqualTo(1), "the broken timer was tried in the same pass");
        Assert.That((await engine.GetAsync(broken.Id)).Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(engine.Store.Instances[broken.Id].LeaseOwner, Is.Null, "a single node reads due timers: no lease was taken");

        for (var poll = 0; poll < 5; poll++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
        Assert.That(failing.Attempts, Is.EqualTo(1), "a failed resume is not tried again on every poll");

        failing.BookmarkId = null;
        clock.Advance(new RuntimeOptions().LeaseDuration);
        await engine.WaitForAsync(broken.Id, i => i.Status == WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(broken.Id)).LogMessages(), Is.EqualTo(new[] { "after the pause" }));
    }

    /// <summary>Which bookmark's resume fails, and how often it was tried.</summary>
    private sealed class FailingResumes
    {
        private int _attempts;
        public volatile string? BookmarkId;
        public int Attempts => Volatile.Read(ref _attempts);
        public void Count() => Interlocked.Increment(ref _attempts);
    }

    /// <summary>The in-memory store, except that reading one bookmark's resume target fails (a store or data fault).</summary>
    private sealed class FailingResumeStore(IInstanceStore inner, FailingResumes failing) : IInstanceStore
    {
        public Task<ResumeTarget?> GetResumeTargetAsync(string id, CancellationToken c = default)
        {
            if (id != failing.BookmarkId) return inner.GetResumeTargetAsync(id, c);
            failing.Count();
            throw new InvalidOperationException($"Test fault reading bookmark {id}.");
        }

        public Task CommitAsync(InstanceCommit commit, CancellationToken c = default) => inner.CommitAsync(commit, c);
        public Task<WorkflowInstance?> GetAsync(string id, CancellationToken c = default) => inner.GetAsync(id, c);
        public Task<Page<InstanceSummary>> ListAsync(InstanceQuery q, CancellationToken c = default) => inner.ListAsync(q, c);
        public Task<IReadOnlyList<InstanceSummary>> ListChildrenAsync(string id, CancellationToken c = default) => inner.ListChildrenAsync(id, c);
        public Task<bool> TryAcquireLeaseAsync(string id, string o, DateTimeOffset n, DateTimeOffset u, CancellationToken c = default) => inner.TryAcquireLeaseAsync(id, o, n, u, c);
        public Task<bool> RenewLeaseAsync(string id, string o, DateTimeOffset u, CancellationToken c = default) => inner.RenewLeaseAsync(id, o, u, c);
        public Task<IReadOnlyList<string>> FindRecoverableAsync(DateTimeOffset n, int l, CancellationToken c = default) => inner.FindRecoverableAsync(n, l, c);
        public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string k, string? n, string? co, CancellationToken c = default) => inner.FindBookmarksAsync(k, n, co, c);
        public Task<Bookmark?> GetBookmarkAsync(string id, CancellationToken c = default) => inner.GetBookmarkAsync(id, c);
        public Task<IReadOnlyList<Bookmark>> ClaimDueBookmarksAsync(string o, DateTimeOffset d, DateTimeOffset e, DateTimeOffset u, int l, CancellationToken c = default) => inner.ClaimDueBookmarksAsync(o, d, e, u, l, c);
        public Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(string o, DateTimeOffset n, Bookmark? a, int l, CancellationToken c = default) => inner.FindDueBookmarksAsync(o, n, a, l, c);
        public Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset a, CancellationToken c = default) => inner.GetNextDueAsync(a, c);
        public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string id, long a = 0, int l = 1000, CancellationToken c = default) => inner.GetJournalAsync(id, a, l, c);
    }
}
