using System.Text.Json.Nodes;

namespace Automation.Engine.Model;

/// <summary>Lifecycle states of an instance.</summary>
public enum WorkflowStatus
{
    /// <summary>Executing, or ready to execute (it holds work items).</summary>
    Running,
    /// <summary>Waiting on one or more bookmarks and nothing else.</summary>
    Suspended,
    /// <summary>Reached its end; <see cref="WorkflowInstance.Output"/> is set.</summary>
    Finished,
    /// <summary>Stopped by an activity that exhausted its retries; see <see cref="ExecutionState.Incidents"/>.</summary>
    Faulted,
    /// <summary>Cancelled by a person or by its parent.</summary>
    Cancelled,
}

/// <summary>A running (or finished) execution of one published definition version.</summary>
public sealed class WorkflowInstance
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; }
    /// <summary>Caller-supplied key that ties the instance to a business object (an FOI case, an invoice).</summary>
    public string? CorrelationId { get; set; }
    /// <summary>Set for an instance started by a RunWorkflow activity.</summary>
    public string? ParentInstanceId { get; set; }
    /// <summary>The bookmark in the parent that waits for this instance.</summary>
    public string? ParentBookmarkId { get; set; }
    public JsonObject Input { get; set; } = [];
    public JsonObject? Output { get; set; }
    /// <summary>Why the instance faulted, in one line.</summary>
    public string? FaultMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Optimistic-concurrency counter, incremented by every commit.</summary>
    public long Version { get; set; }
    /// <summary>Everything the runtime needs to continue: variables, scopes, work items, bookmarks, incidents.</summary>
    public ExecutionState State { get; set; } = new();

    /// <summary>True for Finished, Faulted and Cancelled.</summary>
    public bool IsEnded => Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled
        || (Status == WorkflowStatus.Faulted);
}

/// <summary>The resumable state of an instance, persisted as one JSON document.</summary>
public sealed class ExecutionState
{
    /// <summary>Execution scopes by id; the root scope is <see cref="ScopeState.RootId"/>.</summary>
    public Dictionary<string, ScopeState> Scopes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Activities ready to run (or to be told of a resume or a finished child scope), in order.</summary>
    public List<WorkItem> Queue { get; set; } = [];

    /// <summary>Open waits.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>Faults recorded against activities.</summary>
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Next id for work items and scopes.</summary>
    public long NextId { get; set; } = 1;

    /// <summary>Sequence number of the last journal entry written.</summary>
    public long JournalSequence { get; set; }
}

/// <summary>
/// A region of execution. The root scope holds the workflow's variables; a loop body runs in a child
/// scope per iteration so that its item, its activity outputs and its joins are its own.
/// </summary>
public sealed class ScopeState
{
    /// <summary>The id of the root scope.</summary>
    public const string RootId = "root";

    public string Id { get; set; } = RootId;
    /// <summary>Enclosing scope; null for the root.</summary>
    public string? ParentId { get; set; }
    /// <summary>The activity (a loop) that opened the scope and is told when it drains.</summary>
    public string? OwnerActivityId { get; set; }
    /// <summary>Variables declared in this scope (the workflow's in the root; the loop item in a body).</summary>
    public JsonObject Variables { get; set; } = [];
    /// <summary>Latest output of each activity that ran in this scope.</summary>
    public Dictionary<string, JsonNode?> Outputs { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Private state of activities in this scope (loop counters, join arrivals).</summary>
    public Dictionary<string, JsonObject> ActivityStates { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Set once the scope has drained and its owner has been told.</summary>
    public bool Drained { get; set; }
}

/// <summary>What a work item asks the runtime to do.</summary>
public enum WorkKind
{
    /// <summary>Run the activity.</summary>
    Execute,
    /// <summary>Resume the activity from one of its bookmarks with a payload.</summary>
    Resume,
    /// <summary>Tell the owning (loop) activity that one of its child scopes drained.</summary>
    ScopeCompleted,
}

/// <summary>One pending step of an instance.</summary>
public sealed class WorkItem
{
    public long Id { get; set; }
    public WorkKind Kind { get; set; }
    public string ActivityId { get; set; } = "";
    public string ScopeId { get; set; } = ScopeState.RootId;
    /// <summary>1 for the first attempt; incremented by each retry.</summary>
    public int Attempt { get; set; } = 1;
    /// <summary>The activity whose outcome scheduled this one (joins count arrivals by it).</summary>
    public string? From { get; set; }
    /// <summary>Resume payload, or the id of the completed scope for <see cref="WorkKind.ScopeCompleted"/>.</summary>
    public JsonNode? Payload { get; set; }
    /// <summary>The bookmark being resumed, for <see cref="WorkKind.Resume"/> (already removed from the open bookmarks).</summary>
    public Bookmark? Bookmark { get; set; }
    /// <summary>Not to run before this time (a retry waiting out a short backoff).</summary>
    public DateTimeOffset? NotBefore { get; set; }
}

/// <summary>Kinds of bookmark. Strings so that modules can add their own.</summary>
public static class BookmarkKinds
{
    public const string Timer = "Timer";
    public const string Signal = "Signal";
    public const string HumanTask = "HumanTask";
    public const string ChildWorkflow = "ChildWorkflow";
    /// <summary>A retry waiting out its backoff.</summary>
    public const string Retry = "Retry";
}

/// <summary>A named wait: the instance resumes the activity when the bookmark is resumed.</summary>
public sealed class Bookmark
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ScopeId { get; set; } = ScopeState.RootId;
    /// <summary>One of <see cref="BookmarkKinds"/> or a module's own kind.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Lookup name (the signal name for signals).</summary>
    public string? Name { get; set; }
    /// <summary>Lookup key within the name (a case number, an invoice reference).</summary>
    public string? CorrelationId { get; set; }
    /// <summary>When a timer bookmark is due.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Activity-private data kept with the bookmark (for example the retry attempt).</summary>
    public JsonObject? Data { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A fault recorded against an activity after its retries ran out.</summary>
public sealed class Incident
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string ScopeId { get; set; } = ScopeState.RootId;
    public string Message { get; set; } = "";
    public string? ErrorType { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    /// <summary>True once a retry from the fault has been started.</summary>
    public bool Resolved { get; set; }
    /// <summary>The step that faulted, re-queued by a retry from the fault.</summary>
    public WorkItem? WorkItem { get; set; }
}

/// <summary>The list entry of an instance.</summary>
public sealed record InstanceSummary
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public int DefinitionVersion { get; init; }
    public WorkflowStatus Status { get; init; }
    public string? CorrelationId { get; init; }
    public string? ParentInstanceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? FaultMessage { get; init; }
}
