using System.Collections.Concurrent;
using Automation.Bots.Browser.Hosting;
using Automation.Engine.Model;
using Automation.Engine.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Sessions;

/// <summary>
/// The open browser sessions of this node, keyed by session id and owned by an instance. Browser.Open adds one; the
/// other activities find theirs by id, or take the instance's latest when no id is given. A session is closed by
/// Browser.Close, when its instance ends (finished, faulted, cancelled), or when it is idle past
/// <see cref="BrowserOptions.IdleTimeout"/>.
/// </summary>
public sealed class BrowserSessions(BrowserPool pool, TimeProvider clock, ILogger<BrowserSessions> logger) : IInstanceEndedHandler, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BrowserSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>The browser the sessions come from.</summary>
    public BrowserPool Pool => pool;

    /// <summary>How many sessions are open on this node.</summary>
    public int Count => _sessions.Count;

    /// <summary>The open sessions (for tests and diagnostics).</summary>
    internal IReadOnlyCollection<BrowserSession> All => _sessions.Values.ToList();

    /// <summary>Opens a session for <paramref name="instanceId"/>: a fresh context with one page, tracing when configured.</summary>
    /// <exception cref="BrowserLaunchException">Chromium cannot be started.</exception>
    public async Task<BrowserSession> OpenAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await CloseIdleAsync().ConfigureAwait(false);
        var context = await pool.NewContextAsync(cancellationToken).ConfigureAwait(false);
        var tracing = pool.Options.TraceOnFailure;
        if (tracing)
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        var session = new BrowserSession("br-" + Guid.NewGuid().ToString("N")[..12], instanceId, context, page, tracing, clock.GetUtcNow());
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>
    /// The open session <paramref name="sessionId"/> of <paramref name="instanceId"/>, or the instance's most recently
    /// used one when <paramref name="sessionId"/> is empty.
    /// </summary>
    /// <exception cref="BrowserSessionException">There is no such open session for this instance; the message says why.</exception>
    public BrowserSession Get(string instanceId, string? sessionId)
    {
        BrowserSession? session;
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            session = _sessions.Values.Where(s => s.InstanceId == instanceId).MaxBy(s => s.LastUsed)
                ?? throw new BrowserSessionException("This instance has no open browser session: start with a Browser.Open step.");
        }
        else if (!_sessions.TryGetValue(sessionId, out session) || session.InstanceId != instanceId)
        {
            // Another instance's session is reported as missing too: an instance learns nothing about others.
            throw new BrowserSessionException($"Browser session '{sessionId}' is not open on this server (it was closed, idle too long, or the instance resumed after a wait or a restart). Open a new one with Browser.Open.");
        }
        if (!session.IsOpen)
        {
            _sessions.TryRemove(session.Id, out _);
            throw new BrowserSessionException($"Browser session '{session.Id}' was lost: its browser closed (it may have crashed). Open a new one with Browser.Open; the browser is restarted.");
        }
        session.LastUsed = clock.GetUtcNow();
        return session;
    }

    /// <summary>Closes a session (its context and pages); false when it was not open.</summary>
    public async Task<bool> CloseAsync(string sessionId)
    {
        if (!_sessions.TryRemove(sessionId, out var session)) return false;
        await CloseQuietlyAsync(session).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Closes every session the instance left open.</remarks>
    public async ValueTask OnInstanceEndedAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        foreach (var session in _sessions.Values.Where(s => s.InstanceId == instance.Id).ToList())
            if (_sessions.TryRemove(session.Id, out _))
                await CloseQuietlyAsync(session).ConfigureAwait(false);
    }

    private async Task CloseIdleAsync()
    {
        var cutoff = clock.GetUtcNow() - pool.Options.IdleTimeout;
        foreach (var session in _sessions.Values.Where(s => s.LastUsed < cutoff || !s.IsOpen).ToList())
            if (_sessions.TryRemove(session.Id, out _))
            {
                logger.LogInformation("Closing browser session {SessionId} of instance {InstanceId}: idle or lost", session.Id, session.InstanceId);
                await CloseQuietlyAsync(session).ConfigureAwait(false);
            }
    }

    private async Task CloseQuietlyAsync(BrowserSession session)
    {
        session.Closed = true;
        try { await session.Context.CloseAsync().ConfigureAwait(false); }
        catch (PlaywrightException ex) { logger.LogDebug(ex, "Browser session {SessionId} was already gone", session.Id); }
    }

    /// <summary>Closes every session (the host is stopping).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys.ToList()) await CloseAsync(id).ConfigureAwait(false);
    }
}
