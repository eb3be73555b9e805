using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Targets;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Activities;

/// <summary>
/// Base of the browser activities that act in an open session: finds the instance's session, runs the step with the
/// page to itself, and on a browser failure saves a screenshot and trace as documents and faults with their ids.
/// </summary>
public abstract class BrowserActivity : IActivity
{
    /// <summary>The browser category in the designer's palette.</summary>
    public const string Category = "Browser";

    /// <summary>Which session to use; the instance's latest when empty.</summary>
    [Input(Description = "The session id from Browser.Open; leave empty to use the one this workflow opened last.")]
    public string? Session { get; set; }

    /// <summary>How long to wait for elements and pages; the server's default when empty.</summary>
    [Input(Description = "How long to wait for the element or page before the step fails (default 15 seconds).")]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Secrets used by this step, removed from any error message.</summary>
    private protected List<string> Secrets { get; } = [];

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var sessions = context.Services.GetRequiredService<BrowserSessions>();
        BrowserSession session;
        try
        {
            session = sessions.Get(context.InstanceId, Session);
        }
        catch (BrowserSessionException e)
        {
            return ActivityResult.Fail(e.Message);
        }
        await session.Gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        // Playwright calls take no cancellation token: closing the session ends a wait at once when the instance is
        // cancelled or the node stops, instead of holding the instance until the step's timeout.
        using var onCancel = context.CancellationToken.Register(() => _ = sessions.CloseAsync(session.Id));
        try
        {
            return await RunAsync(context, session, TimeoutOr(sessions.Pool)).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            return ActivityResult.Fail(Mask(e.Message));
        }
        catch (Exception e) when (context.CancellationToken.IsCancellationRequested && e is PlaywrightException or TargetNotFoundException or System.TimeoutException)
        {
            throw new OperationCanceledException($"{context.ActivityType} '{context.ActivityId}' was stopped: the instance was cancelled or the server is stopping.", e, context.CancellationToken);
        }
        catch (Exception e) when (e is PlaywrightException or TargetNotFoundException or System.TimeoutException)
        {
            throw await FailureEvidence.CaptureAsync(session, context.Services.GetService<IDocumentStore>(), context.Logger,
                context.InstanceId, context.ActivityId, context.ActivityType, e, Mask, sessions.Pool.Options.ScreenshotOnFailure).ConfigureAwait(false);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Does the step on <paramref name="session"/>'s page (with it to itself); <paramref name="timeout"/> bounds element waits.</summary>
    private protected abstract Task<ActivityResult> RunAsync(ActivityContext context, BrowserSession session, TimeSpan timeout);

    /// <summary>Finds <paramref name="target"/> on the page; notes in the journal when a fallback found it.</summary>
    /// <exception cref="FormatException">The target input is malformed.</exception>
    /// <exception cref="TargetNotFoundException">No alternative found exactly one element in time.</exception>
    private protected static async Task<ResolvedTarget> FindAsync(ActivityContext context, BrowserSession session, JsonNode? target, TimeSpan timeout)
    {
        var parsed = Target.Parse(target);
        var resolved = await TargetResolver.ResolveAsync(session.Page, parsed, timeout).ConfigureAwait(false);
        if (resolved.UsedFallback)
            context.Log(LogLevel.Warning, $"Target {parsed.Alternatives[0]} was not found; used fallback {resolved.Alternative}.");
        context.SetOutput("target", resolved.Alternative.ToString());
        return resolved;
    }

    /// <summary>
    /// Does <paramref name="action"/> on <paramref name="target"/>'s element (<see cref="TargetResolver.ActAsync"/>: a
    /// target without fallbacks is acted on at once, as plain Playwright would); notes in the journal when a fallback found it.
    /// </summary>
    /// <exception cref="FormatException">The target input is malformed.</exception>
    /// <exception cref="TargetNotFoundException">No alternative found exactly one element in time.</exception>
    private protected static async Task<ResolvedTarget> ActAsync(ActivityContext context, BrowserSession session, JsonNode? target, TimeSpan timeout, Func<ILocator, Task> action)
    {
        var parsed = Target.Parse(target);
        var resolved = await TargetResolver.ActAsync(session.Page, parsed, timeout, action).ConfigureAwait(false);
        if (resolved.UsedFallback)
            context.Log(LogLevel.Warning, $"Target {parsed.Alternatives[0]} was not found; used fallback {resolved.Alternative}.");
        context.SetOutput("target", resolved.Alternative.ToString());
        return resolved;
    }

    private protected TimeSpan TimeoutOr(BrowserPool pool) => Timeout is { } t && t > TimeSpan.Zero ? t : pool.Options.DefaultTimeout;

    private string Mask(string text) => Engine.Runtime.SecretMasker.Apply(text, Secrets);
}
