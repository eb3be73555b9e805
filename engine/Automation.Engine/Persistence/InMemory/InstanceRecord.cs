using Automation.Engine.Model;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>A stored instance: the columns that queries filter on, and the instance itself as UTF-8 JSON.</summary>
/// <remarks>Guarded by <see cref="InMemoryStore.Gate"/>; <see cref="Json"/> is never mutated, only replaced.</remarks>
internal sealed class InstanceRecord
{
    public required string Id { get; init; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public long CreatedMs { get; init; }
    public long UpdatedMs { get; set; }
    public long? FinishedMs { get; set; }
    public string? FaultMessage { get; set; }
    public long Version { get; set; }
    public string? LeaseOwner { get; set; }
    /// <summary>Unix ms until which <see cref="LeaseOwner"/> holds the lease; 0 when nobody does.</summary>
    public long LeaseUntilMs { get; set; }
    public required byte[] Json { get; set; }

    /// <summary>The list entry of the instance.</summary>
    public InstanceSummary ToSummary() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersion = DefinitionVersion,
        Status = Status,
        CorrelationId = CorrelationId,
        ParentInstanceId = ParentInstanceId,
        CreatedAt = StoreTime.FromUnixMs(CreatedMs),
        UpdatedAt = StoreTime.FromUnixMs(UpdatedMs),
        FinishedAt = StoreTime.FromUnixMs(FinishedMs),
        FaultMessage = FaultMessage,
    };
}
