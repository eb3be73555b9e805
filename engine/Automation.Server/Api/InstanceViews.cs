using Automation.Engine.Runtime;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Server.Api;

/// <summary>An instance as the API shows it: its state without the runtime's internals, secret variables masked.</summary>
public sealed record InstanceDetail
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public int DefinitionVersion { get; init; }
    public WorkflowStatus Status { get; init; }
    public string? CorrelationId { get; init; }
    public string? ParentInstanceId { get; init; }
    public required JsonObject Input { get; init; }
    public JsonObject? Output { get; init; }
    public string? FaultMessage { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The root scope's variables; those declared secret read <c>***</c>.</summary>
    public required JsonObject Variables { get; init; }
    /// <summary>Open waits.</summary>
    public required IReadOnlyList<BookmarkView> Bookmarks { get; init; }
    /// <summary>Faults recorded against activities.</summary>
    public required IReadOnlyList<IncidentView> Incidents { get; init; }
}

/// <summary>An open wait of an instance.</summary>
public sealed record BookmarkView(
    string Id, string Kind, string ActivityId, string? Name, string? CorrelationId, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

/// <summary>A fault recorded against an activity.</summary>
public sealed record IncidentView(
    string Id, string ActivityId, string ActivityType, string Message, string? ErrorType, int Attempts, DateTimeOffset Timestamp, bool Resolved);

/// <summary>A page of the journal; pass <see cref="NextAfter"/> as <c>after</c> for the next page (null when this was the last).</summary>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Items, long? NextAfter);

/// <summary>Builds <see cref="InstanceDetail"/>s.</summary>
internal static class InstanceViews
{
    private const string Mask = SecretMasker.Mask;

    /// <summary>The detail of <paramref name="instance"/>, with the variables its definition declares secret masked.</summary>
    public static async Task<InstanceDetail> ToDetailAsync(WorkflowInstance instance, IDefinitionStore definitions, CancellationToken ct)
    {
        var version = await definitions.GetVersionAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        var variables = instance.State.Scopes.TryGetValue(ScopeState.RootId, out var root) ? root.Variables.DeepClone().AsObject() : [];
        // Without the definition nobody can tell which variables are secret: mask them all rather than leak one.
        var secret = version?.Definition.Variables.Where(v => v.Secret).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in variables.Select(p => p.Key).ToArray())
            if (secret is null || secret.Contains(name)) variables[name] = Mask;
        var secretInputs = version?.Definition.Inputs.Where(i => i.Secret).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var secretOutputs = version?.Definition.Outputs.Where(o => o.Secret).Select(o => o.Name).Concat(secret ?? []).ToHashSet(StringComparer.Ordinal);
        var input = MaskNamed(instance.Input, secretInputs);
        var output = instance.Output is null ? null : MaskNamed(instance.Output, secretOutputs);
        return new InstanceDetail
        {
            Id = instance.Id,
            DefinitionId = instance.DefinitionId,
            DefinitionVersion = instance.DefinitionVersion,
            Status = instance.Status,
            CorrelationId = instance.CorrelationId,
            ParentInstanceId = instance.ParentInstanceId,
            Input = input,
            Output = output,
            FaultMessage = instance.FaultMessage,
            CreatedAt = instance.CreatedAt,
            UpdatedAt = instance.UpdatedAt,
            FinishedAt = instance.FinishedAt,
            Variables = variables,
            Bookmarks = instance.State.Bookmarks
                .Select(b => new BookmarkView(b.Id, b.Kind, b.ActivityId, b.Name, b.CorrelationId, b.DueAt, b.CreatedAt)).ToArray(),
            Incidents = instance.State.Incidents
                .Select(i => new IncidentView(i.Id, i.ActivityId, i.ActivityType, i.Message, i.ErrorType, i.Attempts, i.Timestamp, i.Resolved)).ToArray(),
        };
    }

    /// <summary>A copy of <paramref name="values"/> with the named entries masked; all of them when the names are unknown (null).</summary>
    private static JsonObject MaskNamed(JsonObject values, HashSet<string>? secretNames)
    {
        var copy = values.DeepClone().AsObject();
        foreach (var name in copy.Select(p => p.Key).ToArray())
            if (secretNames is null || secretNames.Contains(name)) copy[name] = Mask;
        return copy;
    }
}
