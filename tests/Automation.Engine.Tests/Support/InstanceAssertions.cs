using System.Text.Json.Nodes;
using Automation.Engine.Model;

namespace Automation.Engine.Tests.Support;

/// <summary>Reads what a user checks on an instance: its variables, activity outputs, waits and journal.</summary>
public static class InstanceAssertions
{
    /// <summary>Asserts the instance's status, showing its fault message when it differs.</summary>
    public static WorkflowInstance AssertStatus(this WorkflowInstance instance, WorkflowStatus expected)
    {
        Assert.That(instance.Status, Is.EqualTo(expected), $"Instance '{instance.Id}' fault: {instance.FaultMessage}");
        return instance;
    }

    /// <summary>A workflow variable (root scope).</summary>
    public static JsonNode? Variable(this WorkflowInstance instance, string name) =>
        instance.State.Scopes[ScopeState.RootId].Variables[name];

    /// <summary>The latest output of an activity in the root scope.</summary>
    public static JsonNode? OutputOf(this WorkflowInstance instance, string activityId) =>
        instance.State.Scopes[ScopeState.RootId].Outputs.TryGetValue(activityId, out var output) ? output
            : throw new AssertionException($"Activity '{activityId}' has no output in instance '{instance.Id}'.");

    /// <summary>The instance's open bookmarks of one kind.</summary>
    public static IReadOnlyList<Bookmark> Waits(this WorkflowInstance instance, string kind) =>
        instance.State.Bookmarks.Where(b => b.Kind == kind).ToList();

    /// <summary>The messages of the journal's Log entries, in order.</summary>
    public static IReadOnlyList<string> LogMessages(this IEnumerable<JournalEntry> journal) =>
        journal.Where(e => e.Kind == JournalEventKind.Log).Select(e => e.Message ?? "").ToList();

    /// <summary>How many entries of <paramref name="kind"/> the journal has (for one activity, when given).</summary>
    public static int Count(this IEnumerable<JournalEntry> journal, JournalEventKind kind, string? activityId = null) =>
        journal.Count(e => e.Kind == kind && (activityId is null || e.ActivityId == activityId));

    /// <summary>The ids of the activities that completed, in order.</summary>
    public static IReadOnlyList<string> Completed(this IEnumerable<JournalEntry> journal) =>
        journal.Where(e => e.Kind == JournalEventKind.ActivityCompleted).Select(e => e.ActivityId!).ToList();
}
