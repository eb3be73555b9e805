using System.Text.Json.Nodes;
using Automation.Bots.Browser.Targets;
using Microsoft.Playwright;

namespace Samples.Bots.Challenge;

/// <summary>Downloads the challenge spreadsheet through the page's "Download Excel" link.</summary>
public static class ChallengeDownload
{
    private static readonly Target Link = Target.Parse(new JsonObject { ["role"] = "link", ["name"] = "Download Excel", ["exact"] = false }, "download");

    /// <summary>Clicks the open challenge page's download link and returns the file it gives.</summary>
    /// <exception cref="TargetNotFoundException">The page has no "Download Excel" link.</exception>
    /// <exception cref="PlaywrightException">The download failed.</exception>
    public static async Task<byte[]> FromPageAsync(IPage page, TimeSpan timeout)
    {
        var link = await TargetResolver.ResolveAsync(page, Link, timeout).ConfigureAwait(false);
        var download = await page.RunAndWaitForDownloadAsync(
            () => link.Locator.ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = (float)timeout.TotalMilliseconds }).ConfigureAwait(false);
        var path = Path.Combine(Path.GetTempPath(), $"rpa-challenge-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
            await download.DeleteAsync().ConfigureAwait(false);
        }
    }
}
