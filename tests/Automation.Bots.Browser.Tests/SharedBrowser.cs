using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// In the root namespace: a SetUpFixture applies to the tests of its own namespace and those below it.
namespace Automation.Bots.Browser.Tests;

/// <summary>
/// One <see cref="BrowserPool"/> (one Playwright driver, one headless Chromium launched on first use) for the whole
/// test run; each test's engine opens its own sessions (fresh contexts) from it.
/// </summary>
[SetUpFixture]
public sealed class SharedBrowser
{
    private static BrowserPool? _pool;

    /// <summary>The shared pool.</summary>
    /// <exception cref="InvalidOperationException">Used outside the test run.</exception>
    public static BrowserPool Pool => _pool ?? throw new InvalidOperationException("The browser pool starts with the test run.");

    /// <summary>The options every test runs with: the machine's Chromium, and only 127.0.0.1 resolvable.</summary>
    public static BrowserOptions Options { get; } = new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("AUTOMATION_CHROMIUM") ?? "/usr/bin/chromium",
        DefaultTimeout = TimeSpan.FromSeconds(10),
        AllowedHosts = ["127.0.0.1"],
    };

    [OneTimeSetUp]
    public void Start()
    {
        if (!File.Exists(Options.ExecutablePath))
            Assert.Fail($"Chromium was not found at {Options.ExecutablePath}: run scripts/install-deps.sh (it installs the chromium package).");
        _pool = new BrowserPool(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<BrowserPool>.Instance);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_pool is not null) await _pool.DisposeAsync();
    }
}
