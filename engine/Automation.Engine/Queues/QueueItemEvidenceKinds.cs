namespace Automation.Engine.Queues;

/// <summary>The kinds of <see cref="QueueItemEvidence"/>.</summary>
public static class QueueItemEvidenceKinds
{
    /// <summary>A PNG of the page when the attempt failed.</summary>
    public const string Screenshot = "screenshot";

    /// <summary>The Playwright trace (zip) of the attempt, opened with <c>playwright show-trace</c> or trace.playwright.dev.</summary>
    public const string Trace = "trace";
}
