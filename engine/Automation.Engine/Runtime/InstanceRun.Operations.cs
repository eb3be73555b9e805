using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Serialization;

namespace Automation.Engine.Runtime;

// The ways a run begins: a new instance, a resumed bookmark, a retry from a fault, a cancellation.
internal sealed partial class InstanceRun
{
    public void Begin()
    {
        Journal(JournalEventKind.InstanceStarted, null, null, data: new JsonObject
        {
            ["definitionVersion"] = Instance.DefinitionVersion,
            ["input"] = Instance.Input.DeepClone(),
        });
        Enqueue(WorkKind.Execute, Workflow.StartId, ScopeState.RootId);
    }

    /// <summary>Takes <paramref name="bookmark"/> out of the open waits and queues its continuation.</summary>
    public void Resume(Bookmark bookmark, JsonNode? payload)
    {
        Instance.State.Bookmarks.Remove(bookmark);
        RemoveBookmarkRow(bookmark.Id);
        Instance.Status = WorkflowStatus.Running;
        var node = Workflow.Nodes.GetValueOrDefault(bookmark.ActivityId);
        Journal(JournalEventKind.BookmarkResumed, node, bookmark.ScopeId, data: new JsonObject
        {
            ["bookmarkId"] = bookmark.Id, ["kind"] = bookmark.Kind, ["payload"] = payload?.DeepClone(),
            // Which server resumed it: with several nodes on one store, the operator's answer to "who ran this timer?".
            ["node"] = Runtime.Options.NodeId,
        });
        if (bookmark.Kind == BookmarkKinds.Retry && bookmark.Data?["workItem"] is { } stored)
        {
            var item = stored.Deserialize<WorkItem>(EngineJson.Options)!;
            Instance.State.Queue.Add(item);
            return;
        }
        Enqueue(WorkKind.Resume, bookmark.ActivityId, bookmark.ScopeId, payload: payload?.DeepClone(), bookmark: bookmark);
    }

    public void CompleteTask(HumanTask task) => UpdatedTasks.Add(task);

    /// <summary>Re-queues the steps that faulted and restores the waits that the fault took out of the lookup tables.</summary>
    public void RetryFromFault()
    {
        foreach (var incident in Instance.State.Incidents.Where(i => !i.Resolved))
        {
            incident.Resolved = true;
            if (incident.WorkItem is { } item) Instance.State.Queue.Add(item);
        }
        foreach (var bookmark in Instance.State.Bookmarks) AddedBookmarks[bookmark.Id] = bookmark;
        RemovedBookmarkIds.Clear();
        Instance.Status = WorkflowStatus.Running;
        Instance.FaultMessage = null;
        Journal(JournalEventKind.InstanceRetried, null, null, message: "Retried from the faulted activities.");
    }

    /// <summary>Ends the instance as Cancelled: waits removed, queued work dropped, open tasks cancelled.</summary>
    public void Cancel(string reason)
    {
        foreach (var bookmark in Instance.State.Bookmarks.ToArray()) RemoveBookmark(bookmark, cancelTask: bookmark.Kind == BookmarkKinds.HumanTask);
        Instance.State.Queue.Clear();
        Instance.Status = WorkflowStatus.Cancelled;
        Instance.FinishedAt = Runtime.Clock.GetUtcNow();
        Journal(JournalEventKind.InstanceCancelled, null, null, message: reason);
        NotifyParent();
    }
}
