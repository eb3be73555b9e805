using System.Text.Json.Nodes;

namespace Automation.Engine.Activities.Framework;

/// <summary>What the designer needs to know about an activity type; served at <c>GET /api/activities</c>.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }
    public required IReadOnlyList<OutputDescriptor> Outputs { get; init; }
    /// <summary>Fixed outcome ports.</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }
    /// <summary>The input that lists additional, user-named outcome ports, if any.</summary>
    public string? DynamicOutcomesInput { get; init; }
    /// <summary>True for loops whose <c>Body</c> port runs once per iteration in its own scope.</summary>
    public bool IsLoop { get; init; }
    /// <summary>True for triggers: the activity starts the workflow in Start's place, and its inputs must be values.</summary>
    public bool IsTrigger { get; init; }
}

/// <summary>One input of an activity type.</summary>
public sealed record InputDescriptor
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public required string Description { get; init; }
    /// <summary>Value type: string, number, boolean, object, array, datetime, duration or any.</summary>
    public required string Type { get; init; }
    /// <summary>Editor hint (see <see cref="InputEditors"/>).</summary>
    public required string Editor { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string>? Options { get; init; }
    public JsonNode? Default { get; init; }
    /// <summary>True when the activity evaluates the input's JavaScript itself, each time it needs it.</summary>
    public bool EvaluatedByActivity { get; init; }
    public bool Secret { get; init; }
}

/// <summary>One field of an activity's output.</summary>
public sealed record OutputDescriptor(string Name, string Type, string Description);
