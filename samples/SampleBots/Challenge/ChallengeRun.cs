using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Bots.Browser.Targets;
using Microsoft.Playwright;

namespace Samples.Bots.Challenge;

/// <summary>
/// Plays the RPA Challenge on a page: Start, then for every spreadsheet row fill the seven fields found by their
/// labels and Submit, then read the score the page shows. Fields and buttons are acted on as the Browser.Fill and
/// Browser.Click activities act (<see cref="Target"/> and <see cref="TargetResolver.ActAsync"/>), so a run shows
/// what the bot runtime does with a form whose fields move after every submit.
/// </summary>
public static partial class ChallengeRun
{
    // Parsed once: the same targets serve every round (they name labels, not positions or ids).
    private static readonly IReadOnlyList<(string Field, Target Target)> FieldTargets =
        ChallengeSpreadsheet.Fields.Select(f => (f, Target.Parse(new JsonObject { ["label"] = f }, f))).ToList();

    private static readonly Target StartButton = Target.Parse(new JsonObject { ["role"] = "button", ["name"] = "Start" }, "start");
    private static readonly Target SubmitButton = Target.Parse(new JsonObject { ["role"] = "button", ["name"] = "Submit" }, "submit");

    // "... success rate is 100% ( 70 out of 70 fields) in 1234 milliseconds", as the public page words it.
    private static readonly Target ResultMessage = Target.Parse(new JsonObject { ["text"] = "fields) in" }, "result");

    /// <summary>Opens <paramref name="url"/> on <paramref name="page"/> and plays one run with <paramref name="rows"/> (one per round).</summary>
    /// <param name="page">A page of a fresh browser context.</param>
    /// <param name="url">The challenge page.</param>
    /// <param name="rows">The spreadsheet's rows (<see cref="ChallengeSpreadsheet.Read"/>).</param>
    /// <param name="timeout">How long to wait for each element and for the score.</param>
    /// <param name="cancellationToken">Checked between rounds (Playwright calls take none).</param>
    /// <exception cref="TargetNotFoundException">A field, the Start or Submit button or the score did not appear in time.</exception>
    /// <exception cref="FormatException">The page's score message is not worded as the challenge words it.</exception>
    /// <exception cref="PlaywrightException">The page could not be loaded or the browser went away.</exception>
    public static async Task<ChallengeResult> PlayAsync(IPage page, Uri url, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await page.GotoAsync(url.ToString()).ConfigureAwait(false);
        await ClickAsync(page, StartButton, timeout).ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (field, target) in FieldTargets)
            {
                var options = new LocatorFillOptions { Timeout = (float)timeout.TotalMilliseconds };
                await TargetResolver.ActAsync(page, target, timeout, input => input.FillAsync(row[field], options)).ConfigureAwait(false);
            }
            await ClickAsync(page, SubmitButton, timeout).ConfigureAwait(false);
        }
        var message = await TargetResolver.ResolveAsync(page, ResultMessage, timeout).ConfigureAwait(false);
        return ParseResult(await message.Locator.InnerTextAsync().ConfigureAwait(false));
    }

    /// <summary>Reads the page's score message.</summary>
    /// <exception cref="FormatException">The text is not "... success rate is N% ( C out of T fields) in M milliseconds".</exception>
    public static ChallengeResult ParseResult(string text)
    {
        var message = Spaces().Replace(text, " ").Trim();
        var m = Score().Match(message);
        if (!m.Success)
            throw new FormatException($"The challenge page's result is not worded as expected (\"C out of T fields) in M milliseconds\"): \"{message}\".");
        return new ChallengeResult(
            int.Parse(m.Groups["correct"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture),
            message);
    }

    private static async Task ClickAsync(IPage page, Target target, TimeSpan timeout)
    {
        var options = new LocatorClickOptions { Timeout = (float)timeout.TotalMilliseconds };
        await TargetResolver.ActAsync(page, target, timeout, button => button.ClickAsync(options)).ConfigureAwait(false);
    }

    [GeneratedRegex(@"(?<correct>\d+) out of (?<total>\d+) fields\s*\)\s*in (?<ms>\d+) milli", RegexOptions.IgnoreCase)]
    private static partial Regex Score();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
