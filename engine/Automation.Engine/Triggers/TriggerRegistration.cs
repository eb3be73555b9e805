using System.Text.Json.Nodes;

namespace Automation.Engine.Triggers;

/// <summary>
/// A trigger activity of a published workflow version, as the trigger hosts (schedules, hooks, mailboxes, folders) see it.
/// Written when a version is published, replaced when a later one is, and removed with the workflow.
/// </summary>
public sealed record TriggerRegistration
{
    /// <summary><c>{definitionId}:{activityId}</c>: stable across versions, so a pause and the event history survive a republish.</summary>
    public required string Id { get; init; }

    /// <summary>The workflow the trigger starts.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The published version it was read from; instances start on the published version at the time they start.</summary>
    public required int Version { get; init; }

    /// <summary>The trigger activity's id in the flowchart.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The activity type (for example <c>Schedule</c>, <c>HttpEndpoint</c>).</summary>
    public required string Type { get; init; }

    /// <summary>
    /// What the trigger listens on, unique among triggers of its type where the type says so (a hook's path); null
    /// when the type needs none.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The trigger activity's inputs (literal values, read when the version was published).</summary>
    public required JsonObject Settings { get; init; }

    /// <summary>True while an operator has paused the trigger; it then starts nothing.</summary>
    public bool Paused { get; init; }

    /// <summary>When the registration was last written (a publish or a pause).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The id a registration of <paramref name="activityId"/> in <paramref name="definitionId"/> has.</summary>
    public static string IdOf(string definitionId, string activityId) => $"{definitionId}:{activityId}";
}
