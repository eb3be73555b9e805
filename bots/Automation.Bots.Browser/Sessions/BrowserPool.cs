using Automation.Bots.Browser.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Sessions;

/// <summary>
/// The one headless Chromium of this process, launched on first use. Each work item or workflow instance gets a
/// fresh <see cref="IBrowserContext"/> from it (no shared cookies or storage). When the browser disconnects (it
/// crashed or was killed), the next request launches a new one.
/// </summary>
public sealed class BrowserPool(IOptions<BrowserOptions> options, ILogger<BrowserPool> logger) : IAsyncDisposable
{
    private static readonly string[] BaseArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly BrowserOptions _options = options.Value;
    // Chromium ignores switches it does not know; this one lets us find the process we launched (Playwright hides its id).
    private readonly string _marker = "--automation-browser-pool=" + Guid.NewGuid().ToString("N");
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>How many times a browser was launched (1 after the first use; more after crashes).</summary>
    public int Launches { get; private set; }

    /// <summary>The options in use.</summary>
    public BrowserOptions Options => _options;

    /// <summary>A new, empty browser context with the default timeouts set, launching the browser when none is running.</summary>
    /// <exception cref="BrowserLaunchException">Chromium is not installed at the configured path or would not start.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed (the host is stopping).</exception>
    public async Task<IBrowserContext> NewContextAsync(CancellationToken cancellationToken = default)
    {
        var browser = await GetBrowserAsync(cancellationToken).ConfigureAwait(false);
        IBrowserContext context;
        try
        {
            context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true }).ConfigureAwait(false);
        }
        catch (PlaywrightException) when (!browser.IsConnected)
        {
            // The browser died between the check and the call: one relaunch.
            browser = await GetBrowserAsync(cancellationToken).ConfigureAwait(false);
            context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true }).ConfigureAwait(false);
        }
        context.SetDefaultTimeout((float)_options.DefaultTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)_options.NavigationTimeout.TotalMilliseconds);
        return context;
    }

    /// <summary>
    /// The operating-system id of the running browser's main process, or null when none runs or it cannot be found
    /// (only Linux's /proc is read). Operators and tests use it to stop a hung browser.
    /// </summary>
    public int? BrowserProcessId()
    {
        if (_browser is not { IsConnected: true } || !Directory.Exists("/proc")) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                // Chromium's helpers (renderer, GPU) carry no switches of ours; the main process does.
                if (commandLine.Contains(_marker, StringComparison.Ordinal) && !commandLine.Contains("--type=", StringComparison.Ordinal))
                    return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running) return running;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } again) return again;
            if (_browser is not null)
            {
                logger.LogWarning("The browser disconnected (it crashed or was stopped); launching a new one");
                try { await _browser.DisposeAsync().ConfigureAwait(false); } catch (PlaywrightException) { }
                _browser = null;
            }
            if (!File.Exists(_options.ExecutablePath))
                throw new BrowserLaunchException($"Chromium was not found at '{_options.ExecutablePath}'. Install the chromium package (scripts/install-deps.sh) or set Automation:Browser:ExecutablePath.");
            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            try
            {
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = _options.ExecutablePath,
                    Headless = _options.Headless,
                    Args = [.. BaseArgs, .. HostRules(), _marker, .. _options.ExtraArgs],
                }).ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                throw new BrowserLaunchException($"Chromium at '{_options.ExecutablePath}' would not start: {e.Message}", e);
            }
            Launches++;
            logger.LogInformation("Launched Chromium {Version} (launch {Launch})", _browser.Version, Launches);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IEnumerable<string> HostRules()
    {
        if (_options.AllowedHosts.Count == 0) yield break;
        yield return "--host-resolver-rules=MAP * ~NOTFOUND" + string.Concat(_options.AllowedHosts.Select(h => " , EXCLUDE " + h));
    }

    /// <summary>Closes the browser and the Playwright driver.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_browser is not null)
            {
                try { await _browser.DisposeAsync().ConfigureAwait(false); } catch (PlaywrightException) { }
            }
            _playwright?.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }
}
