using System.Text.Json.Nodes;
using Automation.Engine.Model;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>
/// Deep copies of the small model objects, made the way a SQL round trip would return them (timestamps in UTC
/// milliseconds, the owning instance id set), so that the in-memory store never shares objects with callers.
/// </summary>
internal static class ModelCopies
{
    public static Bookmark Copy(Bookmark b, string instanceId) => new()
    {
        Id = b.Id,
        InstanceId = instanceId,
        ActivityId = b.ActivityId,
        ScopeId = b.ScopeId,
        Kind = b.Kind,
        Name = b.Name,
        CorrelationId = b.CorrelationId,
        DueAt = StoreTime.Normalize(b.DueAt),
        Data = Clone(b.Data),
        CreatedAt = StoreTime.Normalize(b.CreatedAt),
    };

    public static HumanTask Copy(HumanTask t, string instanceId) => new()
    {
        Id = t.Id,
        InstanceId = instanceId,
        DefinitionId = t.DefinitionId,
        ActivityId = t.ActivityId,
        BookmarkId = t.BookmarkId,
        Title = t.Title,
        Description = t.Description,
        FormSchema = Clone(t.FormSchema),
        Assignee = t.Assignee,
        Role = t.Role,
        DueAt = StoreTime.Normalize(t.DueAt),
        Status = t.Status,
        ClaimedBy = t.ClaimedBy,
        CompletedBy = t.CompletedBy,
        Result = Clone(t.Result),
        CreatedAt = StoreTime.Normalize(t.CreatedAt),
        CompletedAt = StoreTime.Normalize(t.CompletedAt),
    };

    public static HumanTask Copy(HumanTask t) => Copy(t, t.InstanceId);

    public static ApiKeyRecord Copy(ApiKeyRecord k) => k with
    {
        Roles = [.. k.Roles],
        CreatedAt = StoreTime.Normalize(k.CreatedAt),
        RevokedAt = StoreTime.Normalize(k.RevokedAt),
    };

    /// <summary>A deep copy of a flowchart: every list, dictionary and JSON value is new.</summary>
    public static WorkflowDefinition Copy(WorkflowDefinition d) => new()
    {
        Id = d.Id,
        Name = d.Name,
        Description = d.Description,
        Inputs = d.Inputs.ConvertAll(Copy),
        Outputs = d.Outputs.ConvertAll(Copy),
        Variables = d.Variables.ConvertAll(v => new VariableDefinition
        {
            Name = v.Name,
            Type = v.Type,
            Default = v.Default?.DeepClone(),
            Secret = v.Secret,
        }),
        Activities = d.Activities.ConvertAll(a => new ActivityNode
        {
            Id = a.Id,
            Type = a.Type,
            DisplayName = a.DisplayName,
            Inputs = a.Inputs.ToDictionary(i => i.Key, i => i.Value?.DeepClone(), a.Inputs.Comparer),
            Position = a.Position,
            Retry = a.Retry is { } r
                ? new RetryPolicy
                {
                    MaxAttempts = r.MaxAttempts,
                    InitialDelay = r.InitialDelay,
                    BackoffMultiplier = r.BackoffMultiplier,
                    MaxDelay = r.MaxDelay,
                    Jitter = r.Jitter,
                }
                : null,
        }),
        Connections = d.Connections.ConvertAll(c => new Connection { Source = c.Source, Outcome = c.Outcome, Target = c.Target }),
    };

    private static WorkflowParameter Copy(WorkflowParameter p) => new()
    {
        Name = p.Name,
        Type = p.Type,
        Required = p.Required,
        Description = p.Description,
        Default = p.Default?.DeepClone(),
        Secret = p.Secret,
    };

    private static JsonObject? Clone(JsonObject? o) => (JsonObject?)o?.DeepClone();
}
