using Microsoft.Playwright;

namespace Automation.Designer.Tests.Support;

/// <summary>Screenshots of pages for the README, taken by the tests that reach them.</summary>
internal static class Screenshots
{
    /// <summary>
    /// Saves the page as <c>docs/screenshots/{name}.png</c> in the repository (found from the test's folder), for the
    /// README, when <c>AUTOMATION_SCREENSHOTS=1</c> (so that an ordinary test run leaves the checkout unchanged).
    /// Skipped when the tests run outside a checkout.
    /// </summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("AUTOMATION_SCREENSHOTS") != "1") return;
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Automation.sln"))) folder = folder.Parent;
        if (folder is null) return;
        var target = Path.Combine(folder.FullName, "docs", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(target, name + ".png"), FullPage = fullPage });
    }
}
