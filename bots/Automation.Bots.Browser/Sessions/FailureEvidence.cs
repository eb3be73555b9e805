using Automation.Bots.Browser.Activities;
using Automation.Engine.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Sessions;

/// <summary>Saves what a person needs to see why a browser step failed: a screenshot and the Playwright trace, as documents.</summary>
internal static class FailureEvidence
{
    private const int MaxCauseLength = 1500;

    /// <summary>A document saved as evidence and what it is (<c>screenshot</c> or <c>trace</c>).</summary>
    internal sealed record Saved(StoredDocument Document, string Kind);

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
        var notes = new List<string>();
        var saved = documents is null ? [] : await SaveAsync(session.IsOpen ? session.Page : null, session.Context, session.Tracing, screenshot,
            documents, logger, $"{activityId}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}", instanceId, keepTracing: true, notes).ConfigureAwait(false);
        if (documents is null) notes.Add("no evidence: this host keeps no documents");
        var reason = mask(cause.Message.Trim());
        if (reason.Length > MaxCauseLength) reason = reason[..MaxCauseLength] + "…";
        var message = $"{activityType} '{activityId}' failed: {reason}" + (notes.Count > 0 ? $" Evidence: {string.Join(", ", notes)}." : "");
        return new BrowserActivityException(message, [.. saved.Select(s => s.Document.Id)], cause);
    }

    /// <summary>
    /// Saves a full-page screenshot of <paramref name="page"/> (when given and <paramref name="screenshot"/>) and, when
    /// <paramref name="tracing"/>, the trace recorded in <paramref name="context"/> as documents named from
    /// <paramref name="stem"/>. What could not be captured (a crashed browser) is skipped and noted in
    /// <paramref name="notes"/>, never thrown. With <paramref name="keepTracing"/> the trace goes on recording afterwards.
    /// A trace that holds one of <paramref name="secrets"/> (as typed, JSON-escaped or URL-encoded) is not kept.
    /// </summary>
    public static async Task<IReadOnlyList<Saved>> SaveAsync(
        IPage? page, IBrowserContext context, bool tracing, bool screenshot, IDocumentStore documents, ILogger logger, string stem, string? instanceId,
        bool keepTracing, List<string> notes, IReadOnlyCollection<string>? secrets = null)
    {
        var saved = new List<Saved>();
        if (screenshot && page is { IsClosed: false } && context.Browser is { IsConnected: true })
        {
            try
            {
                var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = 5000 }).ConfigureAwait(false);
                var doc = await documents.SaveAsync($"{stem}-screenshot.png", "image/png", png, instanceId).ConfigureAwait(false);
                saved.Add(new Saved(doc, "screenshot"));
                notes.Add($"screenshot document {doc.Id}");
            }
            catch (PlaywrightException e)
            {
                logger.LogWarning(e, "No screenshot of the failure {Stem}", stem);
                notes.Add("no screenshot (the page could not be captured)");
            }
        }
        if (tracing && context.Browser is { IsConnected: true })
        {
            var path = Path.Combine(Path.GetTempPath(), $"automation-trace-{Guid.NewGuid():N}.zip");
            try
            {
                await context.Tracing.StopChunkAsync(new TracingStopChunkOptions { Path = path }).ConfigureAwait(false);
                var zip = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
                if (secrets is { Count: > 0 } && TraceSecrets.Holds(zip, secrets))
                {
                    // Evidence is read by operators: a trace with a secret in it is worse than no trace.
                    logger.LogWarning("The trace of the failure {Stem} held a secret the bot typed; it was not kept", stem);
                    notes.Add("no trace (it held a secret)");
                }
                else
                {
                    var doc = await documents.SaveAsync($"{stem}-trace.zip", "application/zip", zip, instanceId).ConfigureAwait(false);
                    saved.Add(new Saved(doc, "trace"));
                    notes.Add($"trace document {doc.Id}");
                }

                // Keep recording, so a retry of the step in this session has a trace too.
                if (keepTracing) await context.Tracing.StartChunkAsync().ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                logger.LogWarning(e, "No trace of the failure {Stem}", stem);
                notes.Add("no trace (the browser context was gone)");
            }
            finally
            {
                File.Delete(path);
            }
        }
        else if (tracing) notes.Add("no trace (the browser was gone)");
        return saved;
    }
}
