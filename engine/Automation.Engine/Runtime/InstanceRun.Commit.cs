using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Engine.Runtime;

// The changes not yet saved, the journal, and the commit that saves them.
internal sealed partial class InstanceRun
{
    public long CommittedVersion { get; private set; }
    public Dictionary<string, Bookmark> AddedBookmarks { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RemovedBookmarkIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CancelledTaskBookmarks { get; } = new(StringComparer.Ordinal);
    public List<HumanTask> AddedTasks { get; } = [];
    public List<HumanTask> UpdatedTasks { get; } = [];
    public List<JournalEntry> PendingJournal { get; } = [];
    public List<StartRequest> ChildStarts { get; } = [];
    /// <summary>Work to do once the commit is saved and the instance's lock released (run children, resume the parent).</summary>
    public List<Func<Task>> AfterCommit { get; } = [];

    private bool HasUnsavedWaits => AddedBookmarks.Count > 0 || AddedTasks.Count > 0 || ChildStarts.Count > 0;

    public void Journal(JournalEventKind kind, CompiledNode? node, string? scopeId, string? outcome = null,
        double? durationMs = null, string? message = null, JsonObject? data = null)
    {
        PendingJournal.Add(new JournalEntry
        {
            InstanceId = Instance.Id,
            Sequence = ++Instance.State.JournalSequence,
            Timestamp = Runtime.Clock.GetUtcNow(),
            Kind = kind,
            ActivityId = node?.Node.Id,
            ActivityType = node?.Node.Type,
            ScopeId = scopeId is null or ScopeState.RootId ? null : scopeId,
            Outcome = outcome,
            DurationMs = durationMs is { } d ? Math.Round(d, 3) : null,
            Message = message,
            Data = data,
        });
    }

    private List<string>? SecretValues()
    {
        if (Workflow.SecretVariables.Count == 0 && Workflow.SecretInputs.Count == 0) return null;
        var values = new List<string>();
        foreach (var scope in Instance.State.Scopes.Values)
            foreach (var name in Workflow.SecretVariables)
                if (scope.Variables.TryGetPropertyValue(name, out var value)) AddSecret(values, value);
        foreach (var name in Workflow.SecretInputs)
            if (Instance.Input.TryGetPropertyValue(name, out var value)) AddSecret(values, value);
        return values;
    }

    private static void AddSecret(List<string> values, JsonNode? value)
    {
        if (value is null) return;
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        // Very short values would mask unrelated text everywhere ("1", "no"); they are masked by name in the API instead.
        if (text.Length >= 3) values.Add(text);
    }

    /// <summary>Saves the instance and every pending change in one commit (children first, so a crash cannot orphan a wait).</summary>
    /// <exception cref="ConcurrencyException">Another writer changed the instance since it was loaded.</exception>
    public async Task CommitAsync()
    {
        foreach (var child in ChildStarts)
        {
            var created = await Runtime.CreateChildAsync(child, _cancellation.Token).ConfigureAwait(false);
            if (created) AfterCommit.Add(() => Runtime.RunExistingAsync(child.InstanceId!, CancellationToken.None));
        }
        ChildStarts.Clear();
        // The commit sets the lease afresh (or clears it): a renewal must not run on beside it.
        await StopLeaseRenewalAsync().ConfigureAwait(false);
        if (CancelledTaskBookmarks.Count > 0) await CancelTasksAsync().ConfigureAwait(false);
        MaskPendingJournal();

        var now = Runtime.Clock.GetUtcNow();
        Instance.UpdatedAt = now;
        var running = Instance.Status == WorkflowStatus.Running;
        var commit = new InstanceCommit
        {
            Instance = Instance,
            ExpectedVersion = CommittedVersion,
            AddedBookmarks = AddedBookmarks.Values.ToArray(),
            RemovedBookmarkIds = RemovedBookmarkIds.ToArray(),
            Journal = PendingJournal.ToArray(),
            AddedTasks = AddedTasks.ToArray(),
            UpdatedTasks = UpdatedTasks.ToArray(),
            LeaseOwner = running ? Runtime.Options.NodeId : null,
            LeaseUntil = running ? now + Runtime.Options.LeaseDuration : null,
        };
        await Runtime.Instances.CommitAsync(commit, CancellationToken.None).ConfigureAwait(false);
        CommittedVersion = Instance.Version;
        _holdsLease = running;
        var earliestTimer = AddedBookmarks.Values.Where(b => b.DueAt is not null).Select(b => b.DueAt).Min();
        AddedBookmarks.Clear();
        RemovedBookmarkIds.Clear();
        PendingJournal.Clear();
        AddedTasks.Clear();
        UpdatedTasks.Clear();
        if (earliestTimer is { } due) Runtime.Timers.Wake(due);
    }

    /// <summary>
    /// Masks the entries about to be saved with the secrets' values as they are now. An entry is masked when it is
    /// written, but a step that sets a secret journals its inputs (the new value) before the variable holds it, and an
    /// earlier step may have fetched it (an HTTP response holding a token).
    /// </summary>
    // Secrets are masked in one place, just before the journal is saved: a secret set late in the run (or a response
    // holding a token) is then masked in every entry of the commit, not only in those written after it.
    private void MaskPendingJournal()
    {
        if (PendingJournal.Count == 0 || SecretValues() is not { Count: > 0 } secrets) return;
        foreach (var entry in PendingJournal)
        {
            if (entry.Message is { } message) entry.Message = SecretMasker.Apply(message, secrets);
            if (entry.Data is { } data) SecretMasker.Apply(data, secrets);
        }
    }

    private async Task CancelTasksAsync()
    {
        foreach (var task in AddedTasks.Where(t => CancelledTaskBookmarks.Contains(t.BookmarkId)))
            task.Status = HumanTaskStatus.Cancelled;
        var open = await Runtime.Tasks.ListAsync(new TaskQuery { InstanceId = Instance.Id, PageSize = 500 }, _cancellation.Token).ConfigureAwait(false);
        foreach (var task in open.Items.Where(t => CancelledTaskBookmarks.Contains(t.BookmarkId) && t.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed))
        {
            task.Status = HumanTaskStatus.Cancelled;
            task.CompletedAt = Runtime.Clock.GetUtcNow();
            UpdatedTasks.Add(task);
        }
        CancelledTaskBookmarks.Clear();
    }
}
