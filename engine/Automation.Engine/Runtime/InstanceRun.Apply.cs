using System.Diagnostics;
using ActivityContext = Automation.Engine.Activities.Framework.ActivityContext;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Automation.Engine.Serialization;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Runtime;

// Applying what activities return: outcomes, waits, faults and retries, scopes and joins.
internal sealed partial class InstanceRun
{
    private void Apply(WorkItem item, ActivityContext context, ValueTask<ActivityResult> task, long startedAt)
    {
        _started.Remove(item.Id);
        Instance.State.Queue.Remove(item);
        if (Instance.IsEnded) return;
        if (_discarded.Remove(item.Id))
        {
            CheckDrained(item.ScopeId);
            return;
        }
        var node = Workflow.Nodes.GetValueOrDefault(item.ActivityId);
        ActivityResult result;
        try
        {
            result = task.Result;
        }
        catch (Exception ex)
        {
            var error = ex is AggregateException { InnerException: { } inner } ? inner : ex;
            if (error is OperationCanceledException && _cancellation.IsCancellationRequested) { _stopRequested = true; Instance.State.Queue.Add(item); return; }
            Fault(item, node, error.Message, error.GetType().Name, retryable: true, Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
            return;
        }
        if (result is ActivityResult.Failed failed)
        {
            Fault(item, node, failed.Message, "Fail", retryable: false, Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
            return;
        }
        ApplyEffects(item, node!, context);
        if (result is ActivityResult.Completed completed)
        {
            if (Runtime.Options.DetailedJournal)
                Journal(JournalEventKind.ActivityCompleted, node, item.ScopeId, outcome: completed.Outcomes.Count == 0 ? null : string.Join(",", completed.Outcomes),
                    durationMs: Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds,
                    data: context.HasOutput ? new JsonObject { ["output"] = context.OutputValue?.DeepClone() } : null);
            foreach (var outcome in completed.Outcomes)
                foreach (var target in Workflow.Targets(item.ActivityId, outcome))
                    Enqueue(WorkKind.Execute, target, item.ScopeId, from: item.ActivityId);
        }
        if (item.Kind == WorkKind.ScopeCompleted && item.Payload?.GetValue<string>() is { } childScope)
            Instance.State.Scopes.Remove(childScope);
        CheckDrained(item.ScopeId);
    }

    private void ApplyEffects(WorkItem item, CompiledNode node, ActivityContext context)
    {
        if (context.HasOutput)
            Scope(item.ScopeId).Outputs[item.ActivityId] = context.OutputValue;
        foreach (var (name, value) in context.VariableChanges)
            SetVariable(item.ScopeId, name, value);
        foreach (var (level, message) in context.Logs)
        {
            var masked = SecretValues() is { Count: > 0 } secrets ? SecretMasker.Apply(message, secrets) : message;
            Runtime.ActivityLogger.Log(level, "{WorkflowId} {InstanceId} {ActivityId}: {Message}", Instance.DefinitionId, Instance.Id, item.ActivityId, masked);
            Journal(JournalEventKind.Log, node, item.ScopeId, message: masked, data: new JsonObject { ["level"] = level.ToString() });
        }
        foreach (var bookmark in context.NewBookmarks)
        {
            Instance.State.Bookmarks.Add(bookmark);
            AddedBookmarks[bookmark.Id] = bookmark;
            Journal(JournalEventKind.BookmarkCreated, node, item.ScopeId, data: new JsonObject
            {
                ["bookmarkId"] = bookmark.Id, ["kind"] = bookmark.Kind, ["name"] = bookmark.Name,
                ["correlationId"] = bookmark.CorrelationId, ["dueAt"] = bookmark.DueAt?.ToString("O"),
            });
        }
        foreach (var task in context.NewTasks) AddedTasks.Add(task);
        foreach (var (port, scopeId, variables) in context.NewScopes)
        {
            Instance.State.Scopes[scopeId] = new ScopeState { Id = scopeId, ParentId = item.ScopeId, OwnerActivityId = item.ActivityId, Variables = variables };
            foreach (var target in Workflow.Targets(item.ActivityId, port))
                Enqueue(WorkKind.Execute, target, scopeId, from: item.ActivityId);
        }
        ChildStarts.AddRange(context.ChildStarts);
        if (context.CancelledBranches) CancelBranchesInto(item.ScopeId, item.ActivityId);
    }

    public WorkItem Enqueue(WorkKind kind, string activityId, string scopeId, string? from = null, JsonNode? payload = null, Bookmark? bookmark = null, int attempt = 1)
    {
        var item = new WorkItem { Id = NextId(), Kind = kind, ActivityId = activityId, ScopeId = scopeId, From = from, Payload = payload, Bookmark = bookmark, Attempt = attempt };
        Instance.State.Queue.Add(item);
        if (kind == WorkKind.Execute && Runtime.Options.DetailedJournal && Workflow.Nodes.TryGetValue(activityId, out var node))
            Journal(JournalEventKind.ActivityScheduled, node, scopeId, data: from is null ? null : new JsonObject { ["from"] = from });
        return item;
    }

    private void Fault(WorkItem item, CompiledNode? node, string message, string errorType, bool retryable, double durationMs)
    {
        Journal(JournalEventKind.ActivityFaulted, node, item.ScopeId, durationMs: durationMs, message: message,
            data: new JsonObject { ["error"] = message, ["errorType"] = errorType, ["attempt"] = item.Attempt });
        var policy = node?.Node.Retry;
        if (retryable && policy is not null && item.Attempt < policy.MaxAttempts)
        {
            var delay = policy.DelayBeforeRetry(item.Attempt, Random.Shared);
            var retry = new WorkItem
            {
                Id = item.Id, Kind = item.Kind, ActivityId = item.ActivityId, ScopeId = item.ScopeId, From = item.From,
                Payload = item.Payload, Bookmark = item.Bookmark, Attempt = item.Attempt + 1,
            };
            Journal(JournalEventKind.ActivityRetried, node, item.ScopeId, message: $"Attempt {retry.Attempt} of {policy.MaxAttempts} in {delay.TotalMilliseconds:0} ms.",
                data: new JsonObject { ["attempt"] = retry.Attempt, ["delayMs"] = Math.Round(delay.TotalMilliseconds) });
            if (delay <= Runtime.Options.InlineRetryMaxDelay)
            {
                retry.NotBefore = Runtime.Clock.GetUtcNow() + delay;
                Instance.State.Queue.Add(retry);
            }
            else
            {
                var bookmark = new Bookmark
                {
                    Id = NewGuidId(), InstanceId = Instance.Id, ActivityId = item.ActivityId, ScopeId = item.ScopeId,
                    Kind = BookmarkKinds.Retry, DueAt = Runtime.Clock.GetUtcNow() + delay, CreatedAt = Runtime.Clock.GetUtcNow(),
                    Data = new JsonObject { ["workItem"] = JsonSerializer.SerializeToNode(retry, EngineJson.Options) },
                };
                Instance.State.Bookmarks.Add(bookmark);
                AddedBookmarks[bookmark.Id] = bookmark;
            }
            return;
        }
        Instance.State.Incidents.Add(new Incident
        {
            Id = NewGuidId(), ActivityId = item.ActivityId, ActivityType = node?.Node.Type ?? "", ScopeId = item.ScopeId,
            Message = message, ErrorType = errorType, Attempts = item.Attempt, Timestamp = Runtime.Clock.GetUtcNow(),
            WorkItem = new WorkItem
            {
                Id = item.Id, Kind = item.Kind, ActivityId = item.ActivityId, ScopeId = item.ScopeId, From = item.From,
                Payload = item.Payload, Bookmark = item.Bookmark, Attempt = 1,
            },
        });
        Instance.Status = WorkflowStatus.Faulted;
        Instance.FaultMessage = $"Activity '{item.ActivityId}' failed after {item.Attempt} attempt(s): {message}";
        Runtime.ActivityLogger.LogWarning("{WorkflowId} {InstanceId} faulted at {ActivityId}: {Error}", Instance.DefinitionId, Instance.Id, item.ActivityId, message);
        // Waits stay in the state (a retry restores them) but leave the lookup tables, so nothing resumes a faulted instance.
        foreach (var bookmark in Instance.State.Bookmarks) RemoveBookmarkRow(bookmark.Id);
        Journal(JournalEventKind.InstanceFaulted, node, item.ScopeId, message: Instance.FaultMessage);
        NotifyParent();
    }

    /// <summary>When a scope has no work, no waits and no child scopes left, tells its owner (a loop).</summary>
    private void CheckDrained(string scopeId)
    {
        if (scopeId == ScopeState.RootId || !Instance.State.Scopes.TryGetValue(scopeId, out var scope) || scope.Drained) return;
        if (Instance.State.Queue.Any(w => w.ScopeId == scopeId)) return;
        if (Instance.State.Bookmarks.Any(b => b.ScopeId == scopeId)) return;
        if (Instance.State.Scopes.Values.Any(s => s.ParentId == scopeId)) return;
        if (ForcePendingJoins(scopeId)) return;
        scope.Drained = true;
        Enqueue(WorkKind.ScopeCompleted, scope.OwnerActivityId!, scope.ParentId!, payload: JsonValue.Create(scopeId));
    }

    /// <summary>
    /// A WaitAll join whose missing branches can no longer arrive (nothing upstream of it is queued or waiting) fires
    /// with the branches it has, so a join after a decision does not wait for the branch not taken.
    /// </summary>
    private bool ForcePendingJoins(string? onlyScope = null)
    {
        var forced = false;
        foreach (var scope in Instance.State.Scopes.Values.ToArray())
        {
            if (onlyScope is not null && scope.Id != onlyScope) continue;
            foreach (var (activityId, state) in scope.ActivityStates.ToArray())
            {
                if (state["waiting"]?.GetValue<bool>() != true) continue;
                var ancestors = Workflow.Ancestors(activityId);
                var upstreamBusy = Instance.State.Queue.Any(w => w.ScopeId == scope.Id && ancestors.Contains(w.ActivityId))
                    || Instance.State.Bookmarks.Any(b => b.ScopeId == scope.Id && ancestors.Contains(b.ActivityId))
                    || Instance.State.Scopes.Values.Any(s => s.ParentId == scope.Id && s.OwnerActivityId is { } o && ancestors.Contains(o));
                if (upstreamBusy) continue;
                state["waiting"] = false;
                Enqueue(WorkKind.Execute, activityId, scope.Id, from: null, payload: new JsonObject { ["force"] = true });
                forced = true;
            }
        }
        return forced;
    }

    /// <summary>Cancels the work, waits and child scopes of activities upstream of a WaitAny join that fired.</summary>
    private void CancelBranchesInto(string scopeId, string joinId)
    {
        var ancestors = Workflow.Ancestors(joinId);
        DiscardQueued(w => w.ScopeId == scopeId && ancestors.Contains(w.ActivityId));
        foreach (var bookmark in Instance.State.Bookmarks.Where(b => b.ScopeId == scopeId && ancestors.Contains(b.ActivityId)).ToArray())
            RemoveBookmark(bookmark, cancelTask: true);
        foreach (var child in Instance.State.Scopes.Values.Where(s => s.ParentId == scopeId && s.OwnerActivityId is { } o && ancestors.Contains(o)).ToArray())
            RemoveScopeTree(child.Id);
    }

    private void RemoveScopeTree(string scopeId)
    {
        foreach (var child in Instance.State.Scopes.Values.Where(s => s.ParentId == scopeId).ToArray()) RemoveScopeTree(child.Id);
        DiscardQueued(w => w.ScopeId == scopeId);
        foreach (var bookmark in Instance.State.Bookmarks.Where(b => b.ScopeId == scopeId).ToArray()) RemoveBookmark(bookmark, cancelTask: true);
        Instance.State.Scopes.Remove(scopeId);
    }

    /// <summary>
    /// Drops the queued work that <paramref name="match"/> selects. Work already running cannot be stopped alone: it is
    /// left to finish and its result is dropped, so a cancelled branch does not go on after its call returns.
    /// </summary>
    private void DiscardQueued(Predicate<WorkItem> match)
    {
        foreach (var item in Instance.State.Queue)
            if (_started.Contains(item.Id) && match(item)) _discarded.Add(item.Id);
        Instance.State.Queue.RemoveAll(match);
    }

    private void RemoveBookmark(Bookmark bookmark, bool cancelTask)
    {
        Instance.State.Bookmarks.Remove(bookmark);
        RemoveBookmarkRow(bookmark.Id);
        if (cancelTask && bookmark.Kind == BookmarkKinds.HumanTask) CancelledTaskBookmarks.Add(bookmark.Id);
    }

    private void RemoveBookmarkRow(string bookmarkId)
    {
        if (!AddedBookmarks.Remove(bookmarkId)) RemovedBookmarkIds.Add(bookmarkId);
    }
}
