using System.Text.Json.Nodes;

namespace Automation.Engine.Model;

/// <summary>What a journal entry records.</summary>
public enum JournalEventKind
{
    InstanceStarted,
    ActivityScheduled,
    ActivityStarted,
    ActivityCompleted,
    ActivityFaulted,
    ActivityRetried,
    BookmarkCreated,
    BookmarkResumed,
    InstanceSuspended,
    InstanceFinished,
    InstanceFaulted,
    InstanceCancelled,
    InstanceRetried,
    Log,
}

/// <summary>One append-only record of what happened in an instance.</summary>
public sealed class JournalEntry
{
    public string InstanceId { get; set; } = "";
    /// <summary>Position within the instance's journal, from 1.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public JournalEventKind Kind { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? ScopeId { get; set; }
    public string? Outcome { get; set; }
    public double? DurationMs { get; set; }
    public string? Message { get; set; }
    /// <summary>Inputs, outputs, bookmark or error details, with secrets masked.</summary>
    public JsonObject? Data { get; set; }
}
