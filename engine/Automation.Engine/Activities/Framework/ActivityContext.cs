using System.Text.Json.Nodes;
using Automation.Engine.Expressions;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Activities.Framework;

/// <summary>
/// What an executing activity may see and do. Changes (output, variables, bookmarks, tasks, scopes) are buffered and
/// applied by the runtime when the activity returns, so an activity that awaits I/O never races the rest of the
/// instance. Read what you need before the first <c>await</c>.
/// </summary>
public sealed class ActivityContext
{
    private readonly InstanceRun _run;
    private readonly WorkItem _item;
    private JsonObject? _outputObject;

    internal ActivityContext(InstanceRun run, WorkItem item, CompiledNode node, CancellationToken cancellationToken)
    {
        _run = run;
        _item = item;
        Node = node;
        CancellationToken = cancellationToken;
    }

    internal CompiledNode Node { get; }
    internal JsonNode? OutputValue { get; private set; }
    internal bool HasOutput { get; private set; }
    // The effect lists are made on first use: most steps have one effect or none, and a context is made per step.
    private List<KeyValuePair<string, JsonNode?>>? _variableChanges;
    private List<Bookmark>? _newBookmarks;
    private List<HumanTask>? _newTasks;
    private List<(LogLevel Level, string Message)>? _logs;
    private List<(string Port, string ScopeId, JsonObject Variables)>? _newScopes;
    private List<StartRequest>? _childStarts;

    internal List<KeyValuePair<string, JsonNode?>> VariableChanges => _variableChanges ?? None<KeyValuePair<string, JsonNode?>>.List;
    internal List<Bookmark> NewBookmarks => _newBookmarks ?? None<Bookmark>.List;
    internal List<HumanTask> NewTasks => _newTasks ?? None<HumanTask>.List;
    internal List<(LogLevel Level, string Message)> Logs => _logs ?? None<(LogLevel, string)>.List;
    internal List<(string Port, string ScopeId, JsonObject Variables)> NewScopes => _newScopes ?? None<(string, string, JsonObject)>.List;
    internal List<StartRequest> ChildStarts => _childStarts ?? None<StartRequest>.List;
    internal bool CancelledBranches { get; private set; }

    /// <summary>The activity's id in the definition.</summary>
    public string ActivityId => Node.Node.Id;

    /// <summary>The activity's type name.</summary>
    public string ActivityType => Node.Node.Type;

    /// <summary>The instance being run.</summary>
    public string InstanceId => _run.Instance.Id;

    /// <summary>The definition of the instance.</summary>
    public string DefinitionId => _run.Instance.DefinitionId;

    /// <summary>The instance's correlation id.</summary>
    public string? CorrelationId => _run.Instance.CorrelationId;

    /// <summary>The scope this execution runs in.</summary>
    public string ScopeId => _item.ScopeId;

    /// <summary>1 for the first attempt, then 2, 3... on retries.</summary>
    public int Attempt => _item.Attempt;

    /// <summary>The id of the work item (stable across a crash and re-run; unique in the instance).</summary>
    public long WorkItemId => _item.Id;

    /// <summary>The activity whose outcome scheduled this one (null for the first activity).</summary>
    public string? From => _item.From;

    /// <summary>Fires when the instance is cancelled or the node is stopping.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Services of the host (HTTP client factory, options...).</summary>
    public IServiceProvider Services => _run.Runtime.Services;

    /// <summary>Logger for the activity, with workflow, instance and activity ids in scope.</summary>
    public ILogger Logger => _run.Runtime.ActivityLogger;

    /// <summary>The current time, from the runtime's clock.</summary>
    public DateTimeOffset Now => _run.Runtime.Clock.GetUtcNow();

    /// <summary>The workflow's input.</summary>
    public JsonObject WorkflowInput => _run.Instance.Input;

    /// <summary>The activities connected to this one's inputs (distinct sources), for joins.</summary>
    public IReadOnlyList<string> InboundSources => _run.Workflow.InboundSources(ActivityId);

    /// <summary>Private state of this activity in its scope, kept across resumes and persisted with the instance.</summary>
    public JsonObject State => _run.GetActivityState(_item.ScopeId, ActivityId);

    /// <summary>Forgets <see cref="State"/> (a loop that finished).</summary>
    public void ClearState() => _run.ClearActivityState(_item.ScopeId, ActivityId);

    /// <summary>Sets the whole output (<c>activities.&lt;id&gt;.output</c>).</summary>
    public void SetOutput(JsonNode? value)
    {
        OutputValue = value;
        _outputObject = value as JsonObject;
        HasOutput = true;
    }

    /// <summary>Sets one field of the output object.</summary>
    public void SetOutput(string field, JsonNode? value)
    {
        if (_outputObject is null)
        {
            _outputObject = [];
            OutputValue = _outputObject;
        }
        _outputObject[field] = value;
        HasOutput = true;
    }

    /// <summary>Reads a variable visible in this scope (inner scopes first).</summary>
    public JsonNode? GetVariable(string name) => _run.GetVariable(_item.ScopeId, name);

    /// <summary>Sets a variable: in the nearest scope that declares it, else in the workflow's variables.</summary>
    public void SetVariable(string name, JsonNode? value) => (_variableChanges ??= []).Add(new(name, value));

    /// <summary>The names expressions see, for this scope.</summary>
    public ExpressionScope ExpressionScope => _run.CreateExpressionScope(_item.ScopeId);

    /// <summary>Evaluates JavaScript in this scope (for inputs marked <see cref="InputAttribute.EvaluatedByActivity"/>).</summary>
    /// <exception cref="ExpressionException">The expression failed.</exception>
    public JsonNode? EvaluateJavaScript(string code) => _run.Runtime.Expressions.JavaScript.Evaluate(code, ExpressionScope);

    /// <summary>The expression evaluator (Script runs through it).</summary>
    public ExpressionEvaluator Expressions => _run.Runtime.Expressions;

    /// <summary>Writes a line to the journal and the log.</summary>
    public void Log(LogLevel level, string message) => (_logs ??= []).Add((level, message));

    /// <summary>Creates a bookmark; return <see cref="ActivityResult.Wait"/> to wait on it.</summary>
    /// <param name="kind">One of <see cref="BookmarkKinds"/> or a module's own kind.</param>
    /// <param name="name">Lookup name (the signal name).</param>
    /// <param name="correlationId">Lookup key within the name.</param>
    /// <param name="dueAt">When set, the timer loop resumes the bookmark at this time.</param>
    /// <param name="data">Activity-private data kept with the bookmark.</param>
    /// <param name="id">A fixed id, for waits that must keep their id when the step runs again; new when null.</param>
    public Bookmark CreateBookmark(string kind, string? name = null, string? correlationId = null, DateTimeOffset? dueAt = null, JsonObject? data = null, string? id = null)
    {
        var bookmark = new Bookmark
        {
            Id = id ?? _run.NewGuidId(),
            InstanceId = InstanceId,
            ActivityId = ActivityId,
            ScopeId = _item.ScopeId,
            Kind = kind,
            Name = name,
            CorrelationId = correlationId,
            DueAt = dueAt,
            Data = data,
            CreatedAt = Now,
        };
        (_newBookmarks ??= []).Add(bookmark);
        return bookmark;
    }

    /// <summary>Creates a human task bound to <paramref name="bookmark"/>; completing the task resumes it.</summary>
    public HumanTask CreateTask(Bookmark bookmark, string title, string? description, JsonObject? formSchema, string? assignee, string? role, DateTimeOffset? dueAt)
    {
        var task = new HumanTask
        {
            Id = _run.NewGuidId(),
            InstanceId = InstanceId,
            DefinitionId = DefinitionId,
            ActivityId = ActivityId,
            BookmarkId = bookmark.Id,
            Title = title,
            Description = description,
            FormSchema = formSchema,
            Assignee = assignee,
            Role = role,
            DueAt = dueAt,
            Status = HumanTaskStatus.Open,
            CreatedAt = Now,
        };
        (_newTasks ??= []).Add(task);
        return task;
    }

    /// <summary>
    /// Opens a child scope with <paramref name="variables"/> and schedules there the activities connected to
    /// <paramref name="port"/>. When the scope drains, the runtime calls <see cref="IScopeOwner.OnScopeCompletedAsync"/>.
    /// </summary>
    /// <returns>The new scope's id.</returns>
    public string OpenScope(string port, JsonObject variables)
    {
        var scopeId = "s" + _run.NextId();
        (_newScopes ??= []).Add((port, scopeId, variables));
        return scopeId;
    }

    /// <summary>True when the runtime re-ran this activity because nothing upstream can still arrive (a join whose other branches were not taken).</summary>
    public bool IsForced => _item.Payload is JsonObject payload && payload["force"]?.GetValue<bool>() == true;

    /// <summary>Cancels the queued work, waits and loops of every activity upstream of this one in this scope (Join in WaitAny mode).</summary>
    public void CancelUpstreamBranches() => CancelledBranches = true;

    /// <summary>Asks the runtime to start a child instance after this activity's changes are saved.</summary>
    public void StartChild(StartRequest request) => (_childStarts ??= []).Add(request);

    /// <summary>Reads an instance (for RunWorkflow checking on its child).</summary>
    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId) => _run.Runtime.Instances.GetAsync(instanceId, CancellationToken);
}

/// <summary>One shared empty list per element type, handed out for effects a step did not have (only ever read).</summary>
file static class None<T>
{
    public static readonly List<T> List = [];
}
