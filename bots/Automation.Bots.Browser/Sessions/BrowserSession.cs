using Microsoft.Playwright;

namespace Automation.Bots.Browser.Sessions;

/// <summary>One workflow instance's browser: a fresh context and its page, shared by the instance's browser activities.</summary>
public sealed class BrowserSession
{
    internal BrowserSession(string id, string instanceId, IBrowserContext context, IPage page, bool tracing, DateTimeOffset now)
    {
        Id = id;
        InstanceId = instanceId;
        Context = context;
        Page = page;
        Tracing = tracing;
        LastUsed = now;
    }

    /// <summary>The session id Browser.Open returns and other activities take.</summary>
    public string Id { get; }

    /// <summary>The instance that opened it; no other instance may use it.</summary>
    public string InstanceId { get; }

    /// <summary>The browser context (cookies, storage, downloads) of this session alone.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page the activities drive.</summary>
    public IPage Page { get; internal set; }

    /// <summary>Whether a Playwright trace is being recorded (saved as evidence on failure).</summary>
    public bool Tracing { get; }

    /// <summary>When an activity last used it.</summary>
    public DateTimeOffset LastUsed { get; internal set; }

    /// <summary>False once closed or when its browser died.</summary>
    public bool IsOpen => !Closed && Context.Browser is { IsConnected: true } && !Page.IsClosed;

    internal bool Closed { get; set; }

    /// <summary>True once a secret was typed: the trace then records no DOM snapshots or network (they would hold it).</summary>
    internal bool SecretTyped { get; set; }

    /// <summary>Serialises activities of one instance that run in parallel branches: a page does one thing at a time.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);
}
