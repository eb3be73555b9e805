using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence;

namespace Automation.Server.Api;

/// <summary>
/// One task as <c>GET /api/tasks/{taskId}</c> shows it: the <see cref="HumanTask"/> plus the outcomes a person may choose,
/// so that a task inbox can offer them as buttons without reading (and evaluating) the workflow definition.
/// </summary>
public sealed record TaskDetail
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public required string ActivityId { get; init; }
    public required string BookmarkId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>JSON Schema of the form the person fills in.</summary>
    public JsonObject? FormSchema { get; init; }
    public string? Assignee { get; init; }
    public string? Role { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public HumanTaskStatus Status { get; init; }
    public string? ClaimedBy { get; init; }
    public string? CompletedBy { get; init; }
    public JsonObject? Result { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>The outcomes the task may be completed with, first the default; null once the task is no longer waited on.</summary>
    public IReadOnlyList<string>? Outcomes { get; init; }

    /// <summary>The detail of <paramref name="task"/>, with the outcomes read from its instance's open bookmark.</summary>
    public static async Task<TaskDetail> FromAsync(HumanTask task, IInstanceStore instances, CancellationToken ct)
    {
        IReadOnlyList<string>? outcomes = null;
        if (task.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed
            && await instances.GetAsync(task.InstanceId, ct) is { } instance
            && instance.State.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId) is { } bookmark)
        {
            // The HumanTask activity keeps its evaluated outcomes on the bookmark; the runtime checks completions against them.
            outcomes = bookmark.Data?["outcomes"] is JsonArray list
                ? list.Select(o => o?.GetValue<string>()).OfType<string>().ToArray()
                : [Engine.Model.Outcomes.Done];
        }
        return new TaskDetail
        {
            Id = task.Id,
            InstanceId = task.InstanceId,
            DefinitionId = task.DefinitionId,
            ActivityId = task.ActivityId,
            BookmarkId = task.BookmarkId,
            Title = task.Title,
            Description = task.Description,
            FormSchema = task.FormSchema,
            Assignee = task.Assignee,
            Role = task.Role,
            DueAt = task.DueAt,
            Status = task.Status,
            ClaimedBy = task.ClaimedBy,
            CompletedBy = task.CompletedBy,
            Result = task.Result,
            CreatedAt = task.CreatedAt,
            CompletedAt = task.CompletedAt,
            Outcomes = outcomes,
        };
    }
}
