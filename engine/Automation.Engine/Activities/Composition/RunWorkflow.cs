using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Activities.Composition;

/// <summary>
/// Starts a published workflow as a child and waits for it to end; its output becomes this activity's output. The
/// child's id is derived from this step, so a step re-run after a crash finds the child it already started.
/// </summary>
[Activity("RunWorkflow", Category = "Composition", DisplayName = "Run workflow",
    Description = "Runs another published workflow as a sub-process and waits for its result.")]
[Outcome(Outcomes.Done)]
[Output("instanceId", "string", Description = "The child instance.")]
[Output("status", "string", Description = "How the child ended.")]
[Output("output", "object", Description = "The child's output.")]
public sealed class RunWorkflow : IResumableActivity
{
    /// <summary>The child workflow's id.</summary>
    [Input(Description = "The workflow to run.", Required = true)]
    public string WorkflowId { get; set; } = "";

    /// <summary>A fixed version; the published one when empty.</summary>
    [Input(Description = "A specific version; the published version when left empty.")]
    public int? Version { get; set; }

    /// <summary>The child's input.</summary>
    [Input(Description = "The input for the child workflow, as an object.")]
    public JsonObject? Input { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var childId = $"{context.InstanceId}-{context.WorkItemId}-{context.Attempt}";
        var existing = await context.GetInstanceAsync(childId).ConfigureAwait(false);
        if (existing is { IsEnded: true })
            return Complete(context, existing.Id, existing.Status.ToName(), existing.Output, existing.FaultMessage);
        if (existing is null)
            await CheckStartableAsync(context).ConfigureAwait(false);
        var bookmark = context.CreateBookmark(BookmarkKinds.ChildWorkflow, name: childId, id: childId);
        if (existing is null)
            context.StartChild(new StartRequest
            {
                DefinitionId = WorkflowId, Version = Version, Input = Input, CorrelationId = context.CorrelationId,
                InstanceId = childId, ParentInstanceId = context.InstanceId, ParentBookmarkId = bookmark.Id,
            });
        return ActivityResult.Wait;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The stored child, not the payload, says how it ended: when this step is retried after a fault, the payload is the
    /// one that reported the fault, and the child may since have been retried (finished, or waiting again).
    /// </remarks>
    public async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        var childId = payload?["instanceId"]?.GetValue<string>() ?? bookmark.Name!;
        var child = await context.GetInstanceAsync(childId).ConfigureAwait(false);
        if (child is { IsEnded: true })
            return Complete(context, child.Id, child.Status.ToName(), child.Output, child.FaultMessage);
        if (child is not null)
        {
            context.CreateBookmark(BookmarkKinds.ChildWorkflow, name: childId, id: bookmark.Id);
            return ActivityResult.Wait;
        }
        return Complete(context, childId, payload?["status"]?.GetValue<string>() ?? "", payload?["output"] as JsonObject,
            payload?["faultMessage"]?.GetValue<string>());
    }

    /// <summary>
    /// Fails this step, rather than the commit that would start the child, when the child cannot start: its workflow or
    /// version does not exist, or the input does not fit its declared inputs.
    /// </summary>
    private async Task CheckStartableAsync(ActivityContext context)
    {
        var definitions = context.Services.GetRequiredService<IDefinitionStore>();
        var version = (Version is { } v
            ? await definitions.GetVersionAsync(WorkflowId, v, context.CancellationToken).ConfigureAwait(false)
            : await definitions.GetPublishedAsync(WorkflowId, context.CancellationToken).ConfigureAwait(false))
            ?? throw new WorkflowNotFoundException($"Child workflow '{WorkflowId}' has no published version{(Version is { } n ? $" {n}" : "")}.");
        WorkflowInputs.Validate(version.Definition, Input);
    }

    private static ActivityResult Complete(ActivityContext context, string childId, string status, JsonObject? output, string? fault)
    {
        if (!string.Equals(status, nameof(WorkflowStatus.Finished), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Child workflow instance '{childId}' ended {status.ToLowerInvariant()}{(fault is null ? "" : ": " + fault)}");
        context.SetOutput("instanceId", childId);
        context.SetOutput("status", status);
        context.SetOutput("output", output?.DeepClone());
        return ActivityResult.Done;
    }
}
