using System.Text.Json.Nodes;

namespace Automation.Engine.Model;

/// <summary>Lifecycle of a human task.</summary>
public enum HumanTaskStatus
{
    Open,
    Claimed,
    Completed,
    Cancelled,
}

/// <summary>Work for a person, created by a HumanTask activity; completing it resumes the instance with the form data.</summary>
public sealed class HumanTask
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string BookmarkId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>JSON Schema of the form the person fills in.</summary>
    public JsonObject? FormSchema { get; set; }
    /// <summary>A named person, or null.</summary>
    public string? Assignee { get; set; }
    /// <summary>A role whose members may take it, or null.</summary>
    public string? Role { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public HumanTaskStatus Status { get; set; }
    public string? ClaimedBy { get; set; }
    public string? CompletedBy { get; set; }
    public JsonObject? Result { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
