using System.Diagnostics;
using ActivityContext = Automation.Engine.Activities.Framework.ActivityContext;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Model;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Runtime;

/// <summary>
/// One run of one instance: takes work items from the instance's queue, runs their activities (several at once when
/// they await I/O), applies what they return on this single logical thread, and collects the changes into commits.
/// A run ends when the instance has nothing left to do now (finished, faulted, cancelled or waiting on bookmarks).
/// </summary>
internal sealed partial class InstanceRun
{
    private readonly HashSet<long> _started = [];
    /// <summary>Work items still running whose branch was cancelled meanwhile (Join WaitAny): their results are dropped.</summary>
    private readonly HashSet<long> _discarded = [];
    private readonly CancellationTokenSource _cancellation;
    private bool _stopRequested;
    /// <summary>True while the stored instance is Running under this node's lease (a new, suspended or faulted one holds none).</summary>
    private bool _holdsLease;
    private LeaseRenewal? _leaseRenewal;

    public InstanceRun(WorkflowRuntime runtime, WorkflowInstance instance, CompiledWorkflow workflow, CancellationToken cancellationToken)
    {
        Runtime = runtime;
        Instance = instance;
        Workflow = workflow;
        CommittedVersion = instance.Version;
        _holdsLease = instance.Status == WorkflowStatus.Running && instance.Version > 0;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public WorkflowRuntime Runtime { get; }
    public WorkflowInstance Instance { get; }
    public CompiledWorkflow Workflow { get; }

    /// <summary>Stops the run's in-flight activities (instance cancelled).</summary>
    public void Abort() => _cancellation.Cancel();

    /// <summary>Runs until the instance has nothing left to do now, committing before it blocks on I/O with unsaved waits.</summary>
    public async Task RunAsync()
    {
        try
        {
            await RunUntilIdleAsync().ConfigureAwait(false);
        }
        finally
        {
            await StopLeaseRenewalAsync().ConfigureAwait(false);
        }
        Conclude();
    }

    private async Task RunUntilIdleAsync()
    {
        var inFlight = new List<InFlight>();
        while (true)
        {
            KeepLeaseRenewed();
            while (!_stopRequested && inFlight.Count < Runtime.Options.MaxParallelActivities && TryTakeNext(out var item))
            {
                var started = Start(item);
                if (started.Task.IsCompleted) Apply(item, started.Context, started.Task, started.StartedAt);
                else inFlight.Add(new InFlight(item, started.Context, started.Task.AsTask(), started.StartedAt));
            }
            if (_stopRequested || Instance.IsEnded)
                break;
            if (inFlight.Count == 0)
            {
                if (ForcePendingJoins()) continue;
                var delayed = NextDelayedItem();
                if (delayed is null) break;
                if (HasUnsavedWaits) await CommitAndKeepLeaseAsync();
                var wait = delayed.Value - Runtime.Clock.GetUtcNow();
                try
                {
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, Runtime.Clock, _cancellation.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _stopRequested = true; // cancelled or stopping: the delayed retry stays queued
                }
                continue;
            }
            if (HasUnsavedWaits) await CommitAndKeepLeaseAsync();
            var done = await Task.WhenAny(inFlight.Select(f => (Task)f.Task)).ConfigureAwait(false);
            var index = inFlight.FindIndex(f => f.Task == done);
            var flight = inFlight[index];
            inFlight.RemoveAt(index);
            Apply(flight.Item, flight.Context, new ValueTask<ActivityResult>(flight.Task), flight.StartedAt);
        }
        // Anything still in flight belongs to a run that has ended (faulted or stopping): its item stays queued.
        if (inFlight.Count > 0) _cancellation.Cancel();
    }

    /// <summary>
    /// Renews the stored lease until the next commit, if this node holds one (the instance was stored Running): an
    /// activity may run longer than <see cref="RuntimeOptions.LeaseDuration"/>. A run of a new or resumed instance
    /// holds none until it commits as Running, so the common paths start no timer.
    /// </summary>
    private void KeepLeaseRenewed()
    {
        if (_holdsLease && _leaseRenewal is null)
            _leaseRenewal = LeaseRenewal.Start(Runtime.Instances, Instance.Id, Runtime.Options, Runtime.Clock, Runtime.Logger);
    }

    /// <summary>Commits in the middle of the run (before it waits); the run goes on, so the new lease is kept too.</summary>
    private async Task CommitAndKeepLeaseAsync()
    {
        await CommitAsync().ConfigureAwait(false);
        KeepLeaseRenewed();
    }

    private async Task StopLeaseRenewalAsync()
    {
        if (_leaseRenewal is not { } renewal) return;
        _leaseRenewal = null;
        await renewal.DisposeAsync().ConfigureAwait(false);
    }

    private bool TryTakeNext(out WorkItem item)
    {
        var now = (DateTimeOffset?)null;
        foreach (var candidate in Instance.State.Queue)
        {
            if (_started.Contains(candidate.Id)) continue;
            if (candidate.NotBefore is { } notBefore && notBefore > (now ??= Runtime.Clock.GetUtcNow())) continue;
            item = candidate;
            _started.Add(item.Id);
            return true;
        }
        item = null!;
        return false;
    }

    private DateTimeOffset? NextDelayedItem()
    {
        DateTimeOffset? next = null;
        foreach (var item in Instance.State.Queue)
            if (!_started.Contains(item.Id) && item.NotBefore is { } nb && (next is null || nb < next)) next = nb;
        return next;
    }

    /// <summary>Starts the item's step; <c>StartedAt</c> is a <see cref="Stopwatch.GetTimestamp"/> (a Stopwatch object per step cost an allocation).</summary>
    private (ActivityContext Context, ValueTask<ActivityResult> Task, long StartedAt) Start(WorkItem item)
    {
        var startedAt = Stopwatch.GetTimestamp();
        if (!Workflow.Nodes.TryGetValue(item.ActivityId, out var node))
            return (null!, ValueTask.FromException<ActivityResult>(new InvalidOperationException($"Activity '{item.ActivityId}' is not in version {Workflow.Version.Version} of the workflow.")), startedAt);
        var context = new ActivityContext(this, item, node, _cancellation.Token);
        try
        {
            if (node.Error is not null) throw new InvalidOperationException(node.Error);
            var activity = node.Type!.Create();
            var inputs = Bind(activity, node, item);
            if (item.Kind == WorkKind.Execute)
                Journal(JournalEventKind.ActivityStarted, node, item.ScopeId, data: inputs is null ? null : new JsonObject { ["inputs"] = inputs, ["attempt"] = item.Attempt });
            var task = item.Kind switch
            {
                WorkKind.Execute => activity.ExecuteAsync(context),
                WorkKind.Resume when activity is IResumableActivity resumable => resumable.ResumeAsync(context, item.Bookmark!, item.Payload),
                WorkKind.ScopeCompleted when activity is IScopeOwner owner => owner.OnScopeCompletedAsync(context, item.Payload!.GetValue<string>()),
                _ => throw new InvalidOperationException($"Activity type '{node.Node.Type}' cannot handle {item.Kind}."),
            };
            return (context, task, startedAt);
        }
        catch (Exception ex)
        {
            return (context, ValueTask.FromException<ActivityResult>(ex), startedAt);
        }
    }

    /// <summary>Sets the activity's inputs; returns them as JSON for the journal (masked), or null when not journaling.</summary>
    private JsonObject? Bind(IActivity activity, CompiledNode node, WorkItem item)
    {
        var journal = Runtime.Options.DetailedJournal && item.Kind == WorkKind.Execute ? new JsonObject() : null;
        ExpressionScope? scope = null;
        foreach (var binding in node.Bindings)
        {
            if (!binding.Present) continue;
            if (binding.HasCachedLiteral)
            {
                binding.Property.Set(activity, binding.CachedLiteral);
                if (journal is not null) journal[binding.Property.Name] = Mask(binding.Property, (binding.Value as InputValue.Literal)!.Value?.DeepClone());
                continue;
            }
            JsonNode? value;
            if (binding.Property.Attribute.EvaluatedByActivity)
                value = binding.Value switch
                {
                    InputValue.JavaScript js => JsonValue.Create(js.Code),
                    InputValue.Literal l => l.Value,
                    _ => throw new FormatException($"Input '{binding.Property.Name}' must be JavaScript."),
                };
            else if (binding.Value is InputValue.Literal literal)
                value = literal.Value; // what Evaluate returns for a literal, without building an expression scope
            else
            {
                try
                {
                    value = Runtime.Expressions.Evaluate(binding.Value, scope ??= CreateExpressionScope(item.ScopeId));
                }
                catch (ExpressionException ex)
                {
                    throw new ExpressionException($"Input '{binding.Property.Name}': {ex.Message}", ex);
                }
            }
            binding.Property.Set(activity, binding.Property.Convert(value));
            // A literal belongs to the shared compiled definition: the journal gets a copy, never the node itself
            // (attaching it would re-parent the definition's node, and two first runs at once would race on that).
            if (journal is not null)
                journal[binding.Property.Name] = Mask(binding.Property,
                    value is null || (value.Parent is null && binding.Value is not InputValue.Literal) ? value : value.DeepClone());
        }
        return journal;
    }

    private JsonNode? Mask(InputProperty property, JsonNode? value) =>
        property.Attribute.Secret && value is not null ? JsonValue.Create(SecretMasker.Mask) : value;

    private void Conclude()
    {
        if (Instance.IsEnded) return;
        if (Instance.State.Queue.Count > 0)
        {
            // Stopped before the queue drained (node stopping): stays Running; the lease lets another run continue it.
            Instance.Status = WorkflowStatus.Running;
            return;
        }
        if (Instance.State.Bookmarks.Count > 0)
        {
            if (Instance.Status != WorkflowStatus.Suspended)
                Journal(JournalEventKind.InstanceSuspended, null, null, message: $"Waiting on {Instance.State.Bookmarks.Count} bookmark(s).");
            Instance.Status = WorkflowStatus.Suspended;
            return;
        }
        Finish();
    }

    private void Finish()
    {
        var output = new JsonObject();
        var variables = Root.Variables;
        foreach (var parameter in Workflow.Definition.Outputs)
            output[parameter.Name] = variables.TryGetPropertyValue(parameter.Name, out var v) ? v?.DeepClone() : parameter.Default?.DeepClone();
        Instance.Output = output;
        Instance.Status = WorkflowStatus.Finished;
        Instance.FinishedAt = Runtime.Clock.GetUtcNow();
        Journal(JournalEventKind.InstanceFinished, null, null, data: new JsonObject { ["output"] = output.DeepClone() });
        NotifyParent();
    }

    private void NotifyParent()
    {
        if (Instance.ParentBookmarkId is not { } bookmarkId) return;
        var payload = new JsonObject
        {
            ["instanceId"] = Instance.Id,
            ["status"] = Instance.Status.ToName(),
            ["output"] = Instance.Output?.DeepClone(),
            ["faultMessage"] = Instance.FaultMessage,
        };
        AfterCommit.Add(() => Runtime.ResumeBookmarkAsync(bookmarkId, payload));
    }

    private sealed record InFlight(WorkItem Item, ActivityContext Context, Task<ActivityResult> Task, long StartedAt);
}
