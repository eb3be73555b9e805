using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Browser = Automation.Designer.Tests.Browser;

namespace Automation.Designer.Tests.Support;

/// <summary>
/// Base of the browser tests: one server per fixture, a fresh browser context and page per test, and checks that
/// every test's page logged no console errors and threw no uncaught exceptions.
/// </summary>
[Parallelizable(ParallelScope.None)]
public abstract class DesignerTestBase
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext? _context;

    /// <summary>The fixture's server.</summary>
    protected DesignerServer Server { get; private set; } = null!;

    /// <summary>The test's page.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>Console messages of type <c>error</c> that a test expects (an HTTP 4xx it provoked): matched by substring.</summary>
    protected List<string> ExpectedConsoleErrors { get; } = [];

    [OneTimeSetUp]
    public async Task StartServerAsync() => Server = await DesignerServer.StartAsync(Settings, ConfigureServices);

    /// <summary>Configuration the fixture's server starts with, over the defaults (for example bot pools); null for none.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Adds or replaces the fixture's server services (for example a module's activities).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _pageErrors.Clear();
        ExpectedConsoleErrors.Clear();
        _context = await Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            // A laptop screen: the smallest the console is designed for.
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        _context.SetDefaultTimeout(10_000);
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") _pageErrors.Add($"console: {message.Text}");
        };
        Page.PageError += (_, error) => _pageErrors.Add($"uncaught: {error}");
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        var outcome = TestContext.CurrentContext.Result.Outcome.Status;
        if (outcome == NUnit.Framework.Interfaces.TestStatus.Failed && Page is not null)
        {
            var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
            try
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                TestContext.AddTestAttachment(file, "The page when the test failed");
            }
            catch (PlaywrightException)
            {
                // The page may have crashed; the failure itself is what matters.
            }
        }
        if (_context is not null) await _context.DisposeAsync();
        var unexpected = _pageErrors.Where(e => !ExpectedConsoleErrors.Any(e.Contains)).ToList();
        if (outcome != NUnit.Framework.Interfaces.TestStatus.Failed)
            Assert.That(unexpected, Is.Empty, "The page logged errors to the console");
    }

    /// <summary>Signs in through the sign-in page with <paramref name="apiKey"/> and waits for the app's navigation.</summary>
    protected async Task SignInAsync(string apiKey = DesignerServer.AdminKey, string path = "/")
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("API key").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).WaitForAsync();
    }

    /// <summary>
    /// Runs axe-core on the page with the WCAG 2.0/2.1/2.2 A and AA rules and fails on any serious or critical
    /// violation, listing each with the elements it was found on.
    /// </summary>
    protected async Task AssertAccessibleAsync(string where)
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            },
        });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join(Environment.NewLine, blocking.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} on {string.Join(", ", v.Nodes.Take(5).Select(n => string.Join(" ", n.Target?.ToString())))}"));
        Assert.That(blocking, Is.Empty, $"axe-core found serious or critical violations on {where}:{Environment.NewLine}{report}");
    }
}
