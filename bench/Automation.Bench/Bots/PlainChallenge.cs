using Microsoft.Playwright;
using Samples.Bots.Challenge;

namespace Automation.Bench.Bots;

/// <summary>
/// The peer: a plain Playwright script playing the challenge with label-based fills
/// (<c>page.GetByLabel(label).FillAsync(value)</c>), as a public scripted solution does; no bot runtime.
/// </summary>
internal static class PlainChallenge
{
    /// <summary>Plays one run on <paramref name="page"/> and returns the page's score.</summary>
    public static async Task<ChallengeResult> PlayAsync(IPage page, Uri url, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        await page.GotoAsync(url.ToString()).ConfigureAwait(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync().ConfigureAwait(false);
        foreach (var row in rows)
        {
            foreach (var field in ChallengeSpreadsheet.Fields)
                await page.GetByLabel(field, new() { Exact = true }).FillAsync(row[field]).ConfigureAwait(false);
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync().ConfigureAwait(false);
        }
        var text = await page.GetByText("fields) in").InnerTextAsync().ConfigureAwait(false);
        return ChallengeRun.ParseResult(text);
    }
}
