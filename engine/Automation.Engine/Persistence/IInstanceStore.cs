using Automation.Engine.Model;

namespace Automation.Engine.Persistence;

/// <summary>Stores instances, their bookmarks, tasks and journal; every change to an instance is one <see cref="InstanceCommit"/>.</summary>
public interface IInstanceStore
{
    /// <summary>
    /// Writes the instance and everything in the commit in one transaction. The write succeeds only if the stored
    /// instance's version equals <see cref="InstanceCommit.ExpectedVersion"/> (0 for a new instance); the instance's
    /// <see cref="WorkflowInstance.Version"/> is then set to ExpectedVersion + 1. What an instance is (definition and
    /// version, correlation id, parent, input, creation time) is fixed when it is created: later commits must not change
    /// it, and the SQL stores write only what changes (status, times, fault, output, state, lease).
    /// </summary>
    /// <exception cref="ConcurrencyException">Another writer changed the instance first.</exception>
    Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The instance with its full state, or null.</summary>
    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>A page of instances, newest first, filtered; uses keyset paging so deep pages cost the same as the first.</summary>
    Task<Page<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Instances started by <paramref name="parentInstanceId"/>.</summary>
    Task<IReadOnlyList<InstanceSummary>> ListChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the instance's lease for <paramref name="owner"/> until <paramref name="until"/> if it is free, expired,
    /// or already held by <paramref name="owner"/>. Returns false when another owner holds a live lease.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease that <paramref name="owner"/> holds. Returns false when it no longer holds it.</summary>
    Task<bool> RenewLeaseAsync(string instanceId, string owner, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Ids of Running instances whose lease is free or expired at <paramref name="now"/> (work left by a dead node).</summary>
    Task<IReadOnlyList<string>> FindRecoverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Open bookmarks of a kind with a name and, if given, a correlation id.</summary>
    Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string? name, string? correlationId, CancellationToken cancellationToken = default);

    /// <summary>A bookmark by id, or null when it does not exist (or was resumed).</summary>
    Task<Bookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A bookmark, its instance and the definition version the instance runs, read at once (one query on the SQL
    /// stores): the resume path's reads in one round trip. Null when the bookmark does not exist (or was resumed).
    /// </summary>
    Task<ResumeTarget?> GetResumeTargetAsync(string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims due timers for <paramref name="owner"/>, so that nodes sharing the store split them instead of racing for
    /// each: takes the lease (until <paramref name="until"/>) of up to <paramref name="limit"/> instances that have a
    /// bookmark due at or before <paramref name="now"/> and whose lease is free, ended by <paramref name="now"/>, or held
    /// by another owner and ended by <paramref name="othersLeasesEndedBy"/> (normally now; later to take over leases
    /// known to be dead), earliest due first, skipping instances another node is claiming at the same moment. A lease
    /// <paramref name="owner"/> still holds is not taken again: the instance is being resumed or run on that node.
    /// Returns the claimed instances' due bookmarks, earliest first (the limit counts bookmarks, so an instance with
    /// several due may return more). A claimed instance that is not resumed (its node died, or the resume failed) can
    /// be claimed again once the lease ends; the resume's commit clears the lease or renews it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty.</exception>
    Task<IReadOnlyList<Bookmark>> ClaimDueBookmarksAsync(string owner, DateTimeOffset now, DateTimeOffset othersLeasesEndedBy, DateTimeOffset until, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Due timers read without claiming them, for a node that is the only one using the store
    /// (<see cref="Runtime.RuntimeOptions.SingleNode"/>): it has no one to split timers with, and a claim would write each
    /// instance's lease only for the resume's commit to write the instance again. Returns up to <paramref name="limit"/>
    /// bookmarks due at or before <paramref name="now"/>, earliest first (by due time, then id), writing nothing. As in
    /// <see cref="ClaimDueBookmarksAsync"/>, instances whose lease <paramref name="owner"/> holds past <paramref name="now"/>
    /// are left out (they are being run on that node, and their timers wait for that run); leases of other owners are
    /// ignored. With <paramref name="after"/> (the last bookmark of the previous page) only those after it in that order,
    /// so a caller pages through every due timer once even when some of them stay due (their resume failed).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty, or <paramref name="after"/> has no due time.</exception>
    Task<IReadOnlyList<Bookmark>> FindDueBookmarksAsync(string owner, DateTimeOffset now, Bookmark? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The earliest due time of any bookmark later than <paramref name="after"/>, or null.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(DateTimeOffset after, CancellationToken cancellationToken = default);

    /// <summary>The journal of an instance from <paramref name="afterSequence"/> on, oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default);
}

/// <summary>Human tasks, written through <see cref="InstanceCommit"/> and read and claimed here.</summary>
public interface ITaskStore
{
    /// <summary>A task, or null.</summary>
    Task<HumanTask?> GetAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Tasks matching the query, newest first.</summary>
    Task<Page<HumanTask>> ListAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Claims an open task for <paramref name="user"/>. Returns false when it is not open (already claimed by someone else, completed or cancelled).</summary>
    Task<bool> TryClaimAsync(string taskId, string user, CancellationToken cancellationToken = default);

    /// <summary>Returns a claimed task to the pool (or to another assignee).</summary>
    Task<bool> ReleaseAsync(string taskId, string? newAssignee, CancellationToken cancellationToken = default);
}

/// <summary>Everything that changes with one step of an instance, written atomically.</summary>
public sealed class InstanceCommit
{
    public required WorkflowInstance Instance { get; init; }
    /// <summary>The version read before the change; 0 when creating.</summary>
    public required long ExpectedVersion { get; init; }
    public IReadOnlyList<Bookmark> AddedBookmarks { get; init; } = [];
    public IReadOnlyList<string> RemovedBookmarkIds { get; init; } = [];
    public IReadOnlyList<JournalEntry> Journal { get; init; } = [];
    public IReadOnlyList<HumanTask> AddedTasks { get; init; } = [];
    /// <summary>Tasks whose status, claim or result changed (completed or cancelled).</summary>
    public IReadOnlyList<HumanTask> UpdatedTasks { get; init; } = [];
    /// <summary>
    /// The node that keeps running the instance after this commit, for Running instances; null clears the lease
    /// (suspended and ended instances hold none). A Running instance whose lease expires is recovered by another node.
    /// </summary>
    public string? LeaseOwner { get; init; }
    /// <summary>Until when <see cref="LeaseOwner"/> holds the lease.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>Filters for listing instances.</summary>
public sealed record InstanceQuery
{
    public WorkflowStatus? Status { get; init; }
    public string? DefinitionId { get; init; }
    public string? CorrelationId { get; init; }
    /// <summary>Created at or after.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Created before.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>1..500.</summary>
    public int PageSize { get; init; } = 50;
    /// <summary>Opaque cursor from the previous page's <see cref="Page{T}.NextCursor"/>.</summary>
    public string? Cursor { get; init; }
}

/// <summary>Filters for listing tasks.</summary>
public sealed record TaskQuery
{
    public HumanTaskStatus? Status { get; init; }
    /// <summary>
    /// With <see cref="User"/> or <see cref="Roles"/> set, only the tasks that user with those roles may see
    /// (<see cref="TaskVisibility.IsVisible"/>); with neither, every task.
    /// </summary>
    public string? User { get; init; }
    /// <summary>The roles of <see cref="User"/>; see <see cref="User"/>.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>True when the query asks for one user's view (<see cref="User"/> or <see cref="Roles"/> set).</summary>
    public bool FiltersByVisibility => User is not null || Roles is not null;
    public string? InstanceId { get; init; }
    public int PageSize { get; init; } = 50;
    public string? Cursor { get; init; }
}

/// <summary>A page of results and the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Thrown when a commit finds that another writer changed the instance first.</summary>
public sealed class ConcurrencyException(string instanceId, long expectedVersion)
    : Exception($"Instance '{instanceId}' was changed by another writer (expected version {expectedVersion}).")
{
    public string InstanceId { get; } = instanceId;
    public long ExpectedVersion { get; } = expectedVersion;
}
