using Microsoft.Playwright;

// In the root namespace: a SetUpFixture applies to the tests of its own namespace and those below it.
namespace Automation.Designer.Tests;

/// <summary>
/// One Playwright driver and one headless Chromium (the machine's <c>/usr/bin/chromium</c>) for the whole test run;
/// each test gets its own browser context, so tests share no cookies or storage.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The shared browser.</summary>
    /// <exception cref="InvalidOperationException">Used outside the test run.</exception>
    public static IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser starts with the test run.");

    /// <summary>Where Chromium is; <c>AUTOMATION_CHROMIUM</c> overrides the default.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("AUTOMATION_CHROMIUM") ?? "/usr/bin/chromium";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"Chromium was not found at {ExecutablePath}: run scripts/install-deps.sh (it installs the chromium package).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Nothing outside this machine is looked up: the tests only talk to 127.0.0.1.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
