namespace Automation.Bots.Browser.Activities;

/// <summary>
/// A browser step failed (an element never appeared, a page did not load): a system exception that the node's retry
/// policy may retry. The message names the evidence saved as documents.
/// </summary>
public sealed class BrowserActivityException(string message, IReadOnlyList<string> evidenceDocumentIds, Exception inner) : Exception(message, inner)
{
    /// <summary>The ids of the screenshot and trace saved as documents (empty when none could be taken).</summary>
    public IReadOnlyList<string> EvidenceDocumentIds { get; } = evidenceDocumentIds;
}
