namespace Automation.Bots.Browser.Hosting;

/// <summary>How the bot runtime runs Chromium (configuration section <c>Automation:Browser</c> in the server).</summary>
public sealed class BrowserOptions
{
    /// <summary>The Chromium to launch; Playwright never downloads one. Default <c>/usr/bin/chromium</c>.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>Run without a window (the default; a server has no display).</summary>
    public bool Headless { get; set; } = true;

    /// <summary>How long an action (fill, click, wait) waits for its element before it fails.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a page load may take.</summary>
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Record a Playwright trace in each session and save it as evidence when an activity fails.</summary>
    public bool TraceOnFailure { get; set; } = true;

    /// <summary>
    /// What a C# bot's item records for evidence (the bot host starts tracing with
    /// <see cref="Workers.ItemTraceOptions.For"/>). Default <see cref="Workers.ItemTrace.FullOnRetry"/>: actions only on a
    /// first attempt, the full trace when the item is retried; the full trace on every item made a challenge item 1.48
    /// times a plain Playwright script, actions only 1.17 times (docs/performance.md, "Bots").
    /// </summary>
    public Workers.ItemTrace ItemTrace { get; set; } = Workers.ItemTrace.FullOnRetry;

    /// <summary>Save a screenshot of the page as evidence when an activity fails.</summary>
    public bool ScreenshotOnFailure { get; set; } = true;

    /// <summary>A session not used for this long is closed when another one opens (an instance that waited for days).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Extra Chromium switches, after the ones the runtime always passes.</summary>
    public List<string> ExtraArgs { get; set; } = [];

    /// <summary>Host names Chromium may resolve besides 127.0.0.1 (the legacy systems bots drive); every other name is refused.</summary>
    /// <remarks>Empty means no rule at all: every name resolves normally.</remarks>
    public List<string> AllowedHosts { get; set; } = [];
}
