using Automation.Bots.Browser.Activities;
using Automation.Engine.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Sessions;

/// <summary>Saves what a person needs to see why a browser step failed: a screenshot and the Playwright trace, as documents.</summary>
internal static class FailureEvidence
{
    private const int MaxCauseLength = 1500;

    /// <summary>
    /// Takes the evidence of <paramref name="cause"/> in <paramref name="session"/> (a screenshot when
    /// <paramref name="screenshot"/>, the trace when recording) into <paramref name="documents"/>, and builds the exception
    /// that faults the activity, naming the documents saved. <paramref name="mask"/> removes secrets (a password typed
    /// into a field) from the cause's message.
    /// </summary>
    public static async Task<BrowserActivityException> CaptureAsync(
        BrowserSession session, IDocumentStore? documents, ILogger logger, string instanceId, string activityId, string activityType,
        Exception cause, Func<string, string> mask, bool screenshot)
    {
        var ids = new List<string>();
        var notes = new List<string>();
        var stem = $"{activityId}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}";
        if (documents is null) notes.Add("no evidence: this host keeps no documents");
        else
        {
            if (screenshot && session.IsOpen)
            {
                try
                {
                    var png = await session.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = 5000 }).ConfigureAwait(false);
                    var doc = await documents.SaveAsync($"{stem}-screenshot.png", "image/png", png, instanceId).ConfigureAwait(false);
                    ids.Add(doc.Id);
                    notes.Add($"screenshot document {doc.Id}");
                }
                catch (PlaywrightException e)
                {
                    logger.LogWarning(e, "No screenshot of the failed step {ActivityId}", activityId);
                    notes.Add("no screenshot (the page could not be captured)");
                }
            }
            if (session.Tracing && session.Context.Browser is { IsConnected: true })
            {
                var path = Path.Combine(Path.GetTempPath(), $"automation-trace-{Guid.NewGuid():N}.zip");
                try
                {
                    await session.Context.Tracing.StopChunkAsync(new TracingStopChunkOptions { Path = path }).ConfigureAwait(false);
                    var doc = await documents.SaveAsync($"{stem}-trace.zip", "application/zip", await File.ReadAllBytesAsync(path).ConfigureAwait(false), instanceId).ConfigureAwait(false);
                    ids.Add(doc.Id);
                    notes.Add($"trace document {doc.Id}");
                    // Keep recording, so a retry of the step in this session has a trace too.
                    await session.Context.Tracing.StartChunkAsync().ConfigureAwait(false);
                }
                catch (PlaywrightException e)
                {
                    logger.LogWarning(e, "No trace of the failed step {ActivityId}", activityId);
                    notes.Add("no trace (the browser context was gone)");
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }
        var reason = mask(cause.Message.Trim());
        if (reason.Length > MaxCauseLength) reason = reason[..MaxCauseLength] + "…";
        var message = $"{activityType} '{activityId}' failed: {reason}" + (notes.Count > 0 ? $" Evidence: {string.Join(", ", notes)}." : "");
        return new BrowserActivityException(message, ids, cause);
    }
}
