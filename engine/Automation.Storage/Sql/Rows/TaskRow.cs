using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <c>tasks</c>.</summary>
internal sealed class TaskRow
{
    public const string Columns = """
        id AS Id, instance_id AS InstanceId, definition_id AS DefinitionId, activity_id AS ActivityId,
        bookmark_id AS BookmarkId, title AS Title, description AS Description, form_schema AS FormSchema,
        assignee AS Assignee, role AS Role, due_at AS DueAt, status AS Status, claimed_by AS ClaimedBy,
        completed_by AS CompletedBy, result AS Result, created_at AS CreatedAt, completed_at AS CompletedAt
        """;

    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string BookmarkId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? FormSchema { get; set; }
    public string? Assignee { get; set; }
    public string? Role { get; set; }
    public long? DueAt { get; set; }
    public string Status { get; set; } = "";
    public string? ClaimedBy { get; set; }
    public string? CompletedBy { get; set; }
    public string? Result { get; set; }
    public long CreatedAt { get; set; }
    public long? CompletedAt { get; set; }

    public HumanTask ToModel() => new()
    {
        Id = Id,
        InstanceId = InstanceId,
        DefinitionId = DefinitionId,
        ActivityId = ActivityId,
        BookmarkId = BookmarkId,
        Title = Title,
        Description = Description,
        FormSchema = StoredJson.ReadObject(FormSchema),
        Assignee = Assignee,
        Role = Role,
        DueAt = StoreTime.FromUnixMs(DueAt),
        Status = Enum.Parse<HumanTaskStatus>(Status),
        ClaimedBy = ClaimedBy,
        CompletedBy = CompletedBy,
        Result = StoredJson.ReadObject(Result),
        CreatedAt = StoreTime.FromUnixMs(CreatedAt),
        CompletedAt = StoreTime.FromUnixMs(CompletedAt),
    };
}
