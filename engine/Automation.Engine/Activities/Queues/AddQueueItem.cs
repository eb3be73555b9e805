using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Activities.Queues;

/// <summary>
/// Adds one item to a work queue. An item whose reference the queue already holds leaves by <see cref="Duplicate"/>
/// (whatever the queue's policy), so a workflow that runs this step again after a crash does not add the item twice.
/// </summary>
[Activity("AddQueueItem", Category = "Queues", DisplayName = "Add queue item",
    Description = "Adds an item to a work queue for bots to take; an item whose reference is already queued leaves by Duplicate.")]
[Outcome(Added)]
[Outcome(Duplicate)]
[Output("itemId", "string", Description = "The item's id (the existing item's on Duplicate).")]
[Output("status", "string", Description = "The item's status (new when just added).")]
public sealed class AddQueueItem : IActivity
{
    /// <summary>The outcome when the item was added.</summary>
    public const string Added = "Added";

    /// <summary>The outcome when the queue already holds an item with this reference.</summary>
    public const string Duplicate = "Duplicate";

    /// <summary>The queue's name.</summary>
    [Input(Description = "The name of the work queue.", Required = true)]
    public string Queue { get; set; } = "";

    /// <summary>The item's unique reference.</summary>
    [Input(Description = "A reference unique in the queue (an invoice or employee number); an item with a reference already queued is not added twice.")]
    public string? Reference { get; set; }

    /// <summary>The item's data.</summary>
    [Input(Description = "The item's data, as an object (checked against the queue's schema if it has one).")]
    public JsonObject? Data { get; set; }

    /// <summary>The item's priority.</summary>
    [Input(Description = "How soon bots take it relative to other items without a deadline.")]
    public QueueItemPriority Priority { get; set; } = QueueItemPriority.Normal;

    /// <summary>The item's deadline.</summary>
    [Input(Description = "When it must be done by (items with a deadline are taken first); empty for the queue's default SLA.")]
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Not taken before this time.</summary>
    [Input(Description = "Bots do not take it before this time; empty to take it at once.")]
    public DateTimeOffset? PostponeUntil { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var store = context.Services.GetRequiredService<IWorkQueueStore>();
        var item = new NewQueueItem
        {
            Reference = string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim(),
            Data = Data, Priority = Priority, Deadline = Deadline, PostponeUntil = PostponeUntil,
        };
        try
        {
            var result = await store.AddItemsAsync(Queue, [item], $"workflow:{context.InstanceId}", context.Now, context.CancellationToken).ConfigureAwait(false);
            if (result.Added.Count == 1) return Done(context, Added, result.Added[0]);
        }
        catch (DuplicateQueueItemException)
        {
            // Falls through to the queued item below.
        }
        catch (Exception e) when (e is WorkQueueNotFoundException or QueueItemDataInvalidException or ArgumentException)
        {
            return ActivityResult.Fail(e.Message);
        }

        var existing = (await store.ListItemsAsync(Queue, new QueueItemQuery { Reference = item.Reference }, null, 10, context.CancellationToken).ConfigureAwait(false))
            .Items.FirstOrDefault(i => i.Status != QueueItemStatus.Deleted);
        return existing is null
            ? ActivityResult.Fail($"Queue '{Queue}' refused the item with reference '{item.Reference}' as a duplicate, but the item is gone; try again.")
            : Done(context, Duplicate, existing);
    }

    private static ActivityResult Done(ActivityContext context, string outcome, QueueItem item)
    {
        context.SetOutput(new JsonObject { ["itemId"] = item.Id, ["status"] = JsonNamingPolicyStatus(item.Status) });
        return ActivityResult.Outcome(outcome);
    }

    private static string JsonNamingPolicyStatus(QueueItemStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
