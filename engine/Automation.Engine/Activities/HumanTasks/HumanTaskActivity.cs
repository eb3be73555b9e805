using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.HumanTasks;

/// <summary>
/// Creates a task for a person or a role with a form, and waits; completing the task continues down the port named by
/// the chosen outcome, with the form data as output.
/// </summary>
[Activity(TypeName, Category = "People", DisplayName = "Human task", DynamicOutcomesInput = "outcomes",
    Description = "Asks a person (or anyone in a role) to fill in a form and choose an outcome, then continues down that outcome's path.")]
[Output("outcome", "string", Description = "The outcome the person chose.")]
[Output("data", "object", Description = "The form data.")]
[Output("completedBy", "string", Description = "Who completed the task.")]
public sealed class HumanTaskActivity : IResumableActivity
{
    /// <summary>The type name in definitions (the class name avoids clashing with the <see cref="HumanTask"/> model).</summary>
    public const string TypeName = "HumanTask";

    /// <summary>Task title shown in the inbox.</summary>
    [Input(Description = "Title shown in the task inbox.", Required = true)]
    public string Title { get; set; } = "";

    /// <summary>Instructions.</summary>
    [Input(Description = "Instructions for the person doing the task.", Editor = InputEditors.MultilineText)]
    public string? Description { get; set; }

    /// <summary>JSON Schema of the form.</summary>
    [Input(Description = "The form to fill in, as a JSON Schema.")]
    public JsonObject? FormSchema { get; set; }

    /// <summary>A named person.</summary>
    [Input(Description = "The person who should do it.")]
    public string? Assignee { get; set; }

    /// <summary>A role whose members may take it.</summary>
    [Input(Description = "A role whose members may take it (e.g. operator).")]
    public string? Role { get; set; }

    /// <summary>Due after this long.</summary>
    [Input(Description = "Due this long after the task is created, e.g. 2.00:00:00 for two days.")]
    public TimeSpan? DueIn { get; set; }

    /// <summary>Due at this time.</summary>
    [Input(Description = "Due at this date and time (ISO 8601).")]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The choices offered, each an outcome port.</summary>
    [Input(Description = "The choices offered to the person (e.g. Approve, Reject); each is an outcome port.")]
    public string[] Outcomes { get; set; } = [Model.Outcomes.Done];

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var outcomes = Outcomes.Length == 0 ? [Model.Outcomes.Done] : Outcomes;
        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, data: new JsonObject
        {
            ["outcomes"] = new JsonArray(outcomes.Select(o => (JsonNode)JsonValue.Create(o)).ToArray()),
        });
        context.CreateTask(bookmark, Title, Description, FormSchema, Assignee, Role, DueAt ?? (DueIn is { } d ? context.Now + d : null));
        return ActivityResult.Wait.AsTask();
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        var outcome = payload?["outcome"]?.GetValue<string>() ?? Model.Outcomes.Done;
        context.SetOutput(payload?.DeepClone());
        return ActivityResult.Outcome(outcome).AsTask();
    }
}
