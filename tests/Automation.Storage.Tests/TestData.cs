using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Serialization;

namespace Automation.Storage.Tests;

/// <summary>Builders of model objects for store tests. Times are whole milliseconds in UTC, as stores return them.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, EngineJson.Options);

    public static WorkflowDefinition Definition(string id, string? name = null) => new()
    {
        Id = id,
        Name = name ?? $"Workflow {id}",
        Description = "Test flow",
        Inputs = [new WorkflowParameter { Name = "caseRef", Type = ValueTypes.String, Required = true }],
        Variables = [new VariableDefinition { Name = "count", Type = ValueTypes.Number, Default = 0 }],
        Activities =
        [
            new ActivityNode { Id = "start", Type = "Start", Position = new Position(10, 20) },
            new ActivityNode
            {
                Id = "decide", Type = "Decision", DisplayName = "Is it urgent?",
                Inputs = { ["condition"] = new JsonObject { ["$js"] = "input.caseRef.startsWith('U')" } },
                Retry = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(2) },
            },
        ],
        Connections = [new Connection { Source = "start", Target = "decide" }],
    };

    public static WorkflowInstance Instance(string id, string definitionId = "def", DateTimeOffset? createdAt = null, WorkflowStatus status = WorkflowStatus.Running)
    {
        var created = createdAt ?? T0;
        return new WorkflowInstance
        {
            Id = id,
            DefinitionId = definitionId,
            DefinitionVersion = 3,
            Status = status,
            CorrelationId = "FOI-2025-0042",
            Input = new JsonObject { ["caseRef"] = "U-17", ["amount"] = 12.5 },
            CreatedAt = created,
            UpdatedAt = created.AddSeconds(1),
        };
    }

    /// <summary>An instance whose state uses every part of <see cref="ExecutionState"/>.</summary>
    public static WorkflowInstance FullInstance(string id)
    {
        var instance = Instance(id, "def-full");
        instance.ParentInstanceId = "parent-1";
        instance.ParentBookmarkId = "parent-bm";
        instance.Status = WorkflowStatus.Faulted;
        instance.FaultMessage = "Timeout calling the council tax API";
        instance.Output = new JsonObject { ["result"] = "partial", ["items"] = new JsonArray(1, "two", null, true) };
        instance.FinishedAt = T0.AddMinutes(5);
        var state = instance.State;
        state.Scopes[ScopeState.RootId] = new ScopeState
        {
            Variables = new JsonObject
            {
                ["count"] = 3,
                ["ratio"] = 0.125,
                ["name"] = "Zoë O'Brien — “quoted”",
                ["nested"] = new JsonObject { ["list"] = new JsonArray(new JsonObject { ["a"] = 1 }), ["none"] = null },
                ["flag"] = false,
            },
            Outputs = { ["decide"] = true, ["fetch"] = new JsonObject { ["status"] = 200 }, ["nothing"] = null },
            ActivityStates = { ["join1"] = new JsonObject { ["arrived"] = new JsonArray("a", "b") } },
        };
        state.Scopes["s7"] = new ScopeState
        {
            Id = "s7",
            ParentId = ScopeState.RootId,
            OwnerActivityId = "loop",
            Variables = new JsonObject { ["item"] = "row 7" },
        };
        state.Queue.Add(new WorkItem { Id = 11, Kind = WorkKind.Execute, ActivityId = "fetch", ScopeId = "s7", Attempt = 2, From = "loop" });
        state.Queue.Add(new WorkItem { Id = 12, Kind = WorkKind.Resume, ActivityId = "wait", BookmarkId = "bm-1", Payload = new JsonObject { ["approved"] = true } });
        state.Queue.Add(new WorkItem { Id = 13, Kind = WorkKind.ScopeCompleted, ActivityId = "loop", Payload = "s7" });
        state.Bookmarks.Add(Bookmark("bm-1", id, BookmarkKinds.Signal, "approved", "FOI-2025-0042"));
        state.Bookmarks.Add(Bookmark("bm-2", id, BookmarkKinds.Timer, null, null, T0.AddDays(20)));
        state.Incidents.Add(new Incident
        {
            Id = "inc-1", ActivityId = "fetch", ActivityType = "HttpRequest", ScopeId = "s7", Message = "503 Service Unavailable",
            ErrorType = "HttpRequestException", Attempts = 3, Timestamp = T0.AddMinutes(4),
        });
        state.NextId = 14;
        return instance;
    }

    public static Bookmark Bookmark(string id, string instanceId, string kind, string? name, string? correlationId, DateTimeOffset? dueAt = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = id,
        InstanceId = instanceId,
        ActivityId = "wait",
        ScopeId = ScopeState.RootId,
        Kind = kind,
        Name = name,
        CorrelationId = correlationId,
        DueAt = dueAt,
        Data = new JsonObject { ["attempt"] = 1 },
        CreatedAt = createdAt ?? T0,
    };

    public static JournalEntry Entry(string instanceId, long sequence, string? message = null) => new()
    {
        InstanceId = instanceId,
        Sequence = sequence,
        Timestamp = T0.AddMilliseconds(sequence),
        Kind = JournalEventKind.ActivityCompleted,
        ActivityId = "act" + sequence,
        ActivityType = "SetVariable",
        ScopeId = ScopeState.RootId,
        Outcome = "Done",
        DurationMs = 1.25,
        Message = message ?? $"step {sequence}",
        Data = new JsonObject { ["output"] = sequence },
    };

    public static HumanTask HumanTaskFor(string id, string instanceId, string? assignee = null, string? role = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = id,
        InstanceId = instanceId,
        DefinitionId = "def",
        ActivityId = "review",
        BookmarkId = "bm-" + id,
        Title = "Review FOI response",
        Description = "Check redactions",
        FormSchema = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["ok"] = new JsonObject { ["type"] = "boolean" } } },
        Assignee = assignee,
        Role = role,
        DueAt = T0.AddDays(20),
        Status = HumanTaskStatus.Open,
        CreatedAt = createdAt ?? T0,
    };

    /// <summary>Creates <paramref name="instance"/> (expected version 0) with whatever else is given.</summary>
    public static InstanceCommit Create(WorkflowInstance instance, IReadOnlyList<Bookmark>? bookmarks = null, IReadOnlyList<JournalEntry>? journal = null, IReadOnlyList<HumanTask>? tasks = null) => new()
    {
        Instance = instance,
        ExpectedVersion = 0,
        AddedBookmarks = bookmarks ?? [],
        Journal = journal ?? [],
        AddedTasks = tasks ?? [],
    };
}
