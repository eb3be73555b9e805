using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Runtime;

/// <summary>
/// The engine's entry point. Each operation loads an instance, runs it under an in-process lock until it has nothing
/// left to do now, and commits with optimistic concurrency, so two nodes or two callers never apply the same change twice.
/// </summary>
public sealed class WorkflowRuntime : IWorkflowRuntime
{
    private const int ConcurrencyRetries = 5;
    private readonly ConcurrentDictionary<(string, int), CompiledWorkflow> _compiled = new();
    private readonly KeyedLock _locks = new();
    private readonly ConcurrentDictionary<string, InstanceRun> _active = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates the runtime. Normally resolved from DI (<c>AddWorkflowEngine</c>).</summary>
    public WorkflowRuntime(
        IDefinitionStore definitions, IInstanceStore instances, ITaskStore tasks, ActivityRegistry registry,
        ExpressionEvaluator expressions, IOptions<RuntimeOptions> options, TimeProvider clock, ILoggerFactory loggers,
        IServiceProvider services, DurableTimers timers, BackgroundRunner background)
    {
        Definitions = definitions;
        Instances = instances;
        Tasks = tasks;
        Registry = registry;
        Expressions = expressions;
        Options = options.Value;
        Clock = clock;
        Services = services;
        Timers = timers;
        Background = background;
        _logger = loggers.CreateLogger<WorkflowRuntime>();
        ActivityLogger = loggers.CreateLogger("Automation.Activities");
    }

    internal IDefinitionStore Definitions { get; }
    internal IInstanceStore Instances { get; }
    internal ITaskStore Tasks { get; }
    internal ActivityRegistry Registry { get; }
    internal ExpressionEvaluator Expressions { get; }
    internal RuntimeOptions Options { get; }
    internal TimeProvider Clock { get; }
    internal IServiceProvider Services { get; }
    internal DurableTimers Timers { get; }
    internal BackgroundRunner Background { get; }
    internal ILogger ActivityLogger { get; }
    internal ILogger Logger => _logger;

    /// <inheritdoc />
    public async Task<WorkflowInstance> StartAsync(StartRequest request, CancellationToken cancellationToken = default)
    {
        var version = await GetRunnableVersionAsync(request, cancellationToken).ConfigureAwait(false);
        var workflow = Compile(version);
        var instance = NewInstance(request, workflow);
        var run = new InstanceRun(this, instance, workflow, cancellationToken);
        run.Begin();
        if (!request.Wait)
        {
            await run.CommitAsync().ConfigureAwait(false);
            Background.Run(instance.Id, ct => RunExistingAsync(instance.Id, ct));
            return instance;
        }
        using (await _locks.AcquireAsync(instance.Id, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(run).ConfigureAwait(false);
        }
        return await AfterCommitAsync(run).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<WorkflowInstance?> ResumeBookmarkAsync(string bookmarkId, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // One read for the bookmark, its instance and its version, taken before the instance's lock (the lock's key
            // is the instance id the read gives). If an operation of this process released that lock since, the instance
            // may have changed: read it again under the lock. Other processes are caught by the commit's version check.
            var readAt = KeyedLock.Now();
            var target = await Instances.GetResumeTargetAsync(bookmarkId, cancellationToken).ConfigureAwait(false);
            if (target is null) return null;
            var instanceId = target.Instance.Id;
            InstanceRun run;
            using (await _locks.AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false))
            {
                var loaded = _locks.ReleasedSince(instanceId, readAt)
                    ? await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false)
                    : (target.Instance, Compile(target.Version ?? throw VersionGone(target.Instance)));
                if (loaded is null || loaded.Value.Instance.IsEnded) return null;
                var bookmark = loaded.Value.Instance.State.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
                if (bookmark is null) return null;
                run = new InstanceRun(this, loaded.Value.Instance, loaded.Value.Workflow, cancellationToken);
                run.Resume(bookmark, payload);
                try
                {
                    await ExecuteAsync(run).ConfigureAwait(false);
                }
                catch (ConcurrencyException) when (attempt < ConcurrencyRetries)
                {
                    continue; // Another node changed the instance: reload; the bookmark may be gone now.
                }
            }
            return await AfterCommitAsync(run).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SignalAsync(string signalName, string? correlationId, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        var bookmarks = await Instances.FindBookmarksAsync(BookmarkKinds.Signal, signalName, correlationId, cancellationToken).ConfigureAwait(false);
        var resumed = new List<string>();
        // A signal without a correlation id is for the waits without one; a wait for one case only hears its own case.
        foreach (var bookmark in bookmarks.Where(b => b.CorrelationId == correlationId))
        {
            try
            {
                if (await ResumeBookmarkAsync(bookmark.Id, payload?.DeepClone(), cancellationToken).ConfigureAwait(false) is { } instance)
                    resumed.Add(instance.Id);
            }
            catch (WorkflowException ex)
            {
                // One broken instance must not keep the signal from the others.
                _logger.LogError(ex, "Signal {Signal} could not resume instance {InstanceId}", signalName, bookmark.InstanceId);
            }
        }
        return resumed;
    }

    /// <inheritdoc />
    public async Task<HumanTask> CompleteTaskAsync(string taskId, string user, string? outcome, JsonObject? data, CancellationToken cancellationToken = default)
    {
        var instanceId = (await Tasks.GetAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotFoundException(taskId)).InstanceId;
        for (var attempt = 1; ; attempt++)
        {
            HumanTask task;
            InstanceRun run;
            using (await _locks.AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false))
            {
                task = await Tasks.GetAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotFoundException(taskId);
                if (task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled)
                    throw new TaskStateException($"Task '{taskId}' is already {task.Status.ToString().ToLowerInvariant()}.");
                if (task.Status == HumanTaskStatus.Claimed && task.ClaimedBy != user)
                    throw new TaskStateException($"Task '{taskId}' is claimed by {task.ClaimedBy}.");
                var loaded = await LoadAsync(task.InstanceId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InstanceNotFoundException(task.InstanceId);
                var bookmark = loaded.Instance.State.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId);
                if (loaded.Instance.IsEnded || bookmark is null)
                    throw new TaskStateException($"Task '{taskId}' can no longer be completed: its workflow instance is {loaded.Instance.Status.ToString().ToLowerInvariant()}.");
                var outcomes = bookmark.Data?["outcomes"] is JsonArray list ? list.Select(o => o!.GetValue<string>()).ToArray() : [Model.Outcomes.Done];
                outcome ??= outcomes[0];
                if (!outcomes.Contains(outcome, StringComparer.Ordinal))
                    throw new TaskCompletionException($"Outcome '{outcome}' is not one of this task's outcomes: {string.Join(", ", outcomes)}.");
                task.Status = HumanTaskStatus.Completed;
                task.CompletedBy = user;
                task.CompletedAt = Clock.GetUtcNow();
                task.Result = new JsonObject { ["outcome"] = outcome, ["data"] = data?.DeepClone() };
                run = new InstanceRun(this, loaded.Instance, loaded.Workflow, cancellationToken);
                run.CompleteTask(task);
                run.Resume(bookmark, new JsonObject { ["outcome"] = outcome, ["data"] = data?.DeepClone(), ["completedBy"] = user });
                try
                {
                    await ExecuteAsync(run).ConfigureAwait(false);
                }
                catch (ConcurrencyException) when (attempt < ConcurrencyRetries)
                {
                    continue; // Another node changed the instance: reload; the task may be completed now.
                }
            }
            await AfterCommitAsync(run).ConfigureAwait(false);
            return task;
        }
    }

    /// <inheritdoc />
    public async Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var run = await OnConflictReloadAsync(async () =>
        {
            using (await _locks.AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false))
            {
                var loaded = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw new InstanceNotFoundException(instanceId);
                if (loaded.Instance.Status != WorkflowStatus.Faulted)
                    throw new InstanceStateException($"Instance '{instanceId}' is {loaded.Instance.Status.ToString().ToLowerInvariant()}, not faulted; only faulted instances can be retried.");
                var retry = new InstanceRun(this, loaded.Instance, loaded.Workflow, cancellationToken);
                retry.RetryFromFault();
                await ExecuteAsync(retry).ConfigureAwait(false);
                return retry;
            }
        }).ConfigureAwait(false);
        return await AfterCommitAsync(run).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (_active.TryGetValue(instanceId, out var activeRun)) activeRun.Abort();
        var run = await OnConflictReloadAsync(async () =>
        {
            using (await _locks.AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false))
            {
                var loaded = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw new InstanceNotFoundException(instanceId);
                // A faulted instance may be cancelled (abandoned); a finished or cancelled one is over.
                if (loaded.Instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
                    throw new InstanceStateException($"Instance '{instanceId}' has already ended ({loaded.Instance.Status.ToString().ToLowerInvariant()}).");
                var cancel = new InstanceRun(this, loaded.Instance, loaded.Workflow, cancellationToken);
                cancel.Cancel("Cancelled on request.");
                await cancel.CommitAsync().ConfigureAwait(false);
                return cancel;
            }
        }).ConfigureAwait(false);
        await AfterCommitAsync(run).ConfigureAwait(false); // a parent waiting on this instance learns it was cancelled
        foreach (var child in await Instances.ListChildrenAsync(instanceId, cancellationToken).ConfigureAwait(false))
            if (child.Status is WorkflowStatus.Running or WorkflowStatus.Suspended)
            {
                try { await CancelAsync(child.Id, cancellationToken).ConfigureAwait(false); }
                catch (InstanceStateException) { /* ended meanwhile */ }
            }
        return run.Instance;
    }

    /// <inheritdoc />
    public async Task<bool> RecoverAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow();
        if (!await Instances.TryAcquireLeaseAsync(instanceId, Options.NodeId, now, now + Options.LeaseDuration, cancellationToken).ConfigureAwait(false))
            return false;
        _logger.LogInformation("Recovering instance {InstanceId} from its last checkpoint", instanceId);
        await RunExistingAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs a persisted Running instance (a background start, a recovered one, a new child).</summary>
    internal async Task RunExistingAsync(string instanceId, CancellationToken cancellationToken)
    {
        InstanceRun run;
        using (await _locks.AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            var loaded = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (loaded is null || loaded.Value.Instance.Status != WorkflowStatus.Running) return;
            run = new InstanceRun(this, loaded.Value.Instance, loaded.Value.Workflow, cancellationToken);
            await ExecuteAsync(run).ConfigureAwait(false);
        }
        await AfterCommitAsync(run).ConfigureAwait(false);
    }

    /// <summary>Creates a child instance unless one with its id exists. Returns true when it was created now.</summary>
    internal async Task<bool> CreateChildAsync(StartRequest request, CancellationToken cancellationToken)
    {
        var version = await GetRunnableVersionAsync(request, cancellationToken).ConfigureAwait(false);
        var workflow = Compile(version);
        var instance = NewInstance(request, workflow);
        var run = new InstanceRun(this, instance, workflow, cancellationToken);
        run.Begin();
        try
        {
            await run.CommitAsync().ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false; // Created by an earlier run of the same step: at-least-once made idempotent.
        }
    }

    /// <summary>Runs <paramref name="operation"/> again (it reloads the instance) when another node committed first.</summary>
    private static async Task<T> OnConflictReloadAsync<T>(Func<Task<T>> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (ConcurrencyException) when (attempt < ConcurrencyRetries)
            {
            }
        }
    }

    /// <summary>
    /// The published version to start: the one asked for, or the newest. Drafts never run, because a draft changes
    /// when it is saved and an instance must keep running the version it started on.
    /// </summary>
    private async Task<DefinitionVersion> GetRunnableVersionAsync(StartRequest request, CancellationToken cancellationToken)
    {
        if (request.Version is { } v)
        {
            var version = await Definitions.GetVersionAsync(request.DefinitionId, v, cancellationToken).ConfigureAwait(false)
                ?? throw new WorkflowNotFoundException($"Workflow '{request.DefinitionId}' has no version {v}.");
            return version.IsPublished ? version
                : throw new WorkflowNotFoundException($"Version {v} of workflow '{request.DefinitionId}' is a draft; publish it before starting it.");
        }
        // The runtime only reads the flowchart (and usually has it compiled already): take it without the store's copy.
        var published = Definitions is ISharedPublishedVersions shared
            ? shared.GetPublishedSharedAsync(request.DefinitionId, cancellationToken)
            : Definitions.GetPublishedAsync(request.DefinitionId, cancellationToken);
        return await published.ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(await Definitions.GetLatestAsync(request.DefinitionId, cancellationToken).ConfigureAwait(false) is null
                ? $"Workflow '{request.DefinitionId}' does not exist."
                : $"Workflow '{request.DefinitionId}' has no published version.");
    }

    private async Task ExecuteAsync(InstanceRun run)
    {
        _active[run.Instance.Id] = run;
        try
        {
            await run.RunAsync().ConfigureAwait(false);
            await run.CommitAsync().ConfigureAwait(false);
        }
        finally
        {
            _active.TryRemove(new KeyValuePair<string, InstanceRun>(run.Instance.Id, run));
        }
    }

    private async Task<WorkflowInstance> AfterCommitAsync(InstanceRun run)
    {
        if (run.Instance.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            await NotifyEndedAsync(run.Instance).ConfigureAwait(false);
        if (run.AfterCommit.Count == 0) return run.Instance;
        foreach (var action in run.AfterCommit)
        {
            try { await action().ConfigureAwait(false); }
            catch (Exception ex) { _logger.LogError(ex, "Follow-up of instance {InstanceId} failed; recovery will retry it", run.Instance.Id); }
        }
        return await Instances.GetAsync(run.Instance.Id).ConfigureAwait(false) ?? run.Instance;
    }

    // Modules free in-memory resources of an ended instance (browser sessions); one failing must not stop the others.
    private async Task NotifyEndedAsync(WorkflowInstance instance)
    {
        foreach (var handler in Services.GetServices<IInstanceEndedHandler>())
        {
            try { await handler.OnInstanceEndedAsync(instance, CancellationToken.None).ConfigureAwait(false); }
            catch (Exception ex) { _logger.LogError(ex, "Freeing the resources of ended instance {InstanceId} failed", instance.Id); }
        }
    }

    private async Task<(WorkflowInstance Instance, CompiledWorkflow Workflow)?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null) return null;
        var version = await Definitions.GetVersionAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken).ConfigureAwait(false)
            ?? throw VersionGone(instance);
        return (instance, Compile(version));
    }

    private static WorkflowNotFoundException VersionGone(WorkflowInstance instance) =>
        new($"Version {instance.DefinitionVersion} of workflow '{instance.DefinitionId}' (run by instance '{instance.Id}') no longer exists.");

    private CompiledWorkflow Compile(DefinitionVersion version)
    {
        if (!version.IsPublished) return new CompiledWorkflow(version, Registry); // drafts change: never cached
        var key = (version.DefinitionId, version.Version);
        // A workflow deleted and created again reuses its version numbers: the publish time tells the two apart.
        if (_compiled.TryGetValue(key, out var cached) && cached.Version.PublishedAt == version.PublishedAt) return cached;
        var compiled = new CompiledWorkflow(version, Registry);
        _compiled[key] = compiled;
        return compiled;
    }

    private WorkflowInstance NewInstance(StartRequest request, CompiledWorkflow workflow)
    {
        var now = Clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = request.InstanceId ?? Guid.CreateVersion7().ToString("N"),
            DefinitionId = workflow.Version.DefinitionId,
            DefinitionVersion = workflow.Version.Version,
            Status = WorkflowStatus.Running,
            CorrelationId = request.CorrelationId,
            ParentInstanceId = request.ParentInstanceId,
            ParentBookmarkId = request.ParentBookmarkId,
            Input = WorkflowInputs.Validate(workflow.Definition, request.Input),
            CreatedAt = now,
            UpdatedAt = now,
        };
        instance.State.Scopes[ScopeState.RootId] = InstanceRun.CreateRoot(workflow.Definition);
        return instance;
    }
}
