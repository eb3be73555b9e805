using System.Text.Json.Serialization;

namespace Automation.Engine.Model;

/// <summary>
/// A flowchart workflow as authored in the designer or in a <c>*.workflow.json</c> file:
/// activities joined by connections from an outcome port of one activity to another activity.
/// </summary>
/// <remarks>The JSON shape is documented in <c>docs/workflow-format.md</c> and <c>docs/workflow.schema.json</c>.</remarks>
public sealed class WorkflowDefinition
{
    /// <summary>Stable identifier, unique per store (letters, digits, '-', '_' and '.').</summary>
    public string Id { get; set; } = "";

    /// <summary>Name shown to people.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the workflow is for.</summary>
    public string? Description { get; set; }

    /// <summary>Values the caller passes when starting an instance (visible to expressions as <c>input</c>).</summary>
    public List<WorkflowParameter> Inputs { get; set; } = [];

    /// <summary>Values the workflow returns; each is read from the variable of the same name when the instance finishes.</summary>
    public List<WorkflowParameter> Outputs { get; set; } = [];

    /// <summary>Variables of the instance (visible to expressions as <c>variables</c>).</summary>
    public List<VariableDefinition> Variables { get; set; } = [];

    /// <summary>The steps of the flowchart.</summary>
    public List<ActivityNode> Activities { get; set; } = [];

    /// <summary>Directed edges from an activity's outcome port to another activity.</summary>
    public List<Connection> Connections { get; set; } = [];
}

/// <summary>A declared workflow input or output.</summary>
public sealed class WorkflowParameter
{
    /// <summary>Name used in expressions (<c>input.name</c>) and in the API payload.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="ValueTypes"/>: string, number, boolean, object, array, datetime, any.</summary>
    public string Type { get; set; } = ValueTypes.Any;

    /// <summary>Whether the caller must supply it.</summary>
    public bool Required { get; set; }

    /// <summary>Help text for the form the designer generates.</summary>
    public string? Description { get; set; }

    /// <summary>Value used when the caller omits it.</summary>
    public System.Text.Json.Nodes.JsonNode? Default { get; set; }

    /// <summary>When true the value is masked (<c>***</c>) in the journal, the API and logs.</summary>
    public bool Secret { get; set; }
}

/// <summary>A workflow variable with an optional initial value.</summary>
public sealed class VariableDefinition
{
    /// <summary>Name used in expressions (<c>variables.name</c>) and by SetVariable.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="ValueTypes"/>.</summary>
    public string Type { get; set; } = ValueTypes.Any;

    /// <summary>Initial value when an instance starts.</summary>
    public System.Text.Json.Nodes.JsonNode? Default { get; set; }

    /// <summary>When true the value is masked (<c>***</c>) in the journal, the API and logs.</summary>
    public bool Secret { get; set; }
}

/// <summary>The value types that inputs, outputs and variables may declare.</summary>
public static class ValueTypes
{
    public const string Any = "any";
    public const string String = "string";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Object = "object";
    public const string Array = "array";
    public const string DateTime = "datetime";

    /// <summary>All known type names.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Any, String, Number, Boolean, Object, Array, DateTime };
}

/// <summary>One step of a flowchart.</summary>
public sealed class ActivityNode
{
    /// <summary>Identifier unique within the workflow; expressions read outputs as <c>activities.&lt;id&gt;.output</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Activity type name, as listed by <c>GET /api/activities</c> (for example <c>Decision</c>).</summary>
    public string Type { get; set; } = "";

    /// <summary>Label shown on the canvas.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// Input values keyed by input name. Each is a JSON literal, or an expression object
    /// <c>{"$js": "..."}</c> (JavaScript) or <c>{"$liquid": "..."}</c> (Liquid text template).
    /// </summary>
    public Dictionary<string, System.Text.Json.Nodes.JsonNode?> Inputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the designer draws the node.</summary>
    public Position? Position { get; set; }

    /// <summary>How a fault in this activity is retried; none when null.</summary>
    public RetryPolicy? Retry { get; set; }
}

/// <summary>Canvas coordinates of a node.</summary>
public sealed record Position(double X, double Y);

/// <summary>An edge: when <see cref="Source"/> completes with <see cref="Outcome"/>, <see cref="Target"/> is scheduled.</summary>
public sealed class Connection
{
    /// <summary>Id of the activity the edge leaves.</summary>
    [JsonPropertyName("from")]
    public string Source { get; set; } = "";

    /// <summary>Outcome port of the source (for example <c>True</c>); <c>Done</c> when omitted.</summary>
    public string Outcome { get; set; } = Outcomes.Done;

    /// <summary>Id of the activity the edge enters.</summary>
    [JsonPropertyName("to")]
    public string Target { get; set; } = "";
}

/// <summary>Outcome port names shared by many activities.</summary>
public static class Outcomes
{
    /// <summary>The single outcome of an activity that simply completes.</summary>
    public const string Done = "Done";
}

/// <summary>Per-activity retry with exponential backoff and jitter.</summary>
public sealed class RetryPolicy
{
    /// <summary>Total attempts including the first; 1 means no retry.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Factor applied to the delay after each retry.</summary>
    public double BackoffMultiplier { get; set; } = 2;

    /// <summary>Upper bound for any single delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Random spread as a fraction of the delay (0.2 means ±20%).</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), with jitter from <paramref name="random"/>.</summary>
    public TimeSpan DelayBeforeRetry(int retry, Random random)
    {
        var baseMs = InitialDelay.TotalMilliseconds * Math.Pow(BackoffMultiplier, Math.Max(0, retry - 1));
        baseMs = Math.Min(baseMs, MaxDelay.TotalMilliseconds);
        var spread = baseMs * Jitter * (random.NextDouble() * 2 - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, baseMs + spread));
    }
}
