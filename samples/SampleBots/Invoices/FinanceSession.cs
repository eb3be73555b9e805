using Automation.Bots.Browser.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Samples.Bots.Invoices;

/// <summary>
/// The bot's page in FIN/2000 with its sign-on. The system sends an idle session to its login page at whatever step
/// comes next (losing what was typed), so every step runs through <see cref="RunAsync{T}"/>: when a page turns out to
/// be the login page, the session signs on again and the step starts over from its first page. The password is typed
/// through <paramref name="typeSecret"/> (the bot context's <c>TypeSecretAsync</c>), which keeps it out of the item's trace.
/// </summary>
internal sealed class FinanceSession(
    IPage page, Uri baseAddress, string userName, string password, Func<string, Func<string, Task>, Task> typeSecret, TimeSpan timeout, ILogger logger)
{
    private const int MaxSignOnsPerStep = 3;

    /// <summary>The page.</summary>
    public IPage Page => page;

    /// <summary>How long an element is waited for.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>Runs <paramref name="step"/>, signing on again and re-running it when the session lapses part-way.</summary>
    /// <exception cref="InvalidOperationException">Signing on fails, or the session lapses at every try.</exception>
    public async Task<T> RunAsync<T>(string name, Func<Task<T>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (SignedOutException) when (attempt < MaxSignOnsPerStep)
            {
                logger.LogInformation("FIN/2000 showed its login page during '{Step}'; signing on again and starting the step over", name);
                // A fresh login page: the one the system showed may return to where a form was posted (/invoice), an
                // address that only takes posts; the step starts again from its first page anyway.
                await SignOnAsync(fresh: true).ConfigureAwait(false);
            }
            catch (SignedOutException)
            {
                throw new InvalidOperationException($"FIN/2000 kept returning to its login page during '{name}' ({MaxSignOnsPerStep} sign-ons).");
            }
        }
    }

    /// <summary>Opens a page of the system (signing on first when it asks).</summary>
    /// <exception cref="SignedOutException">The login page came back after signing on (the step should start over).</exception>
    public async Task OpenAsync(string pathAndQuery)
    {
        var address = new Uri(baseAddress, pathAndQuery);
        await page.GotoAsync(address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded }).ConfigureAwait(false);
        if (!OnLoginPage) return;
        // Signing on from here returns to the page asked for.
        await SignOnAsync(fresh: false).ConfigureAwait(false);
        // The login page returns to the page asked for; anywhere else means the sign-on did not take.
        if (OnLoginPage || page.Url != address.ToString())
            await page.GotoAsync(address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded }).ConfigureAwait(false);
        ThrowIfSignedOut();
    }

    /// <summary>Clicks what posts the form back and waits for the page it loads.</summary>
    /// <exception cref="SignedOutException">The post landed on the login page (the session had lapsed; nothing was saved).</exception>
    public async Task PostBackAsync(Target button)
    {
        var element = await TargetResolver.ResolveAsync(page, button, timeout).ConfigureAwait(false);
        await ClickAndWaitForPageAsync(element.Locator).ConfigureAwait(false);
        ThrowIfSignedOut();
    }

    /// <summary>Types <paramref name="value"/> into the field <paramref name="target"/> finds.</summary>
    public async Task FillAsync(Target target, string value)
    {
        var element = await TargetResolver.ResolveAsync(page, target, timeout).ConfigureAwait(false);
        await element.Locator.FillAsync(value).ConfigureAwait(false);
    }

    /// <summary>Chooses <paramref name="value"/> in the drop-down <paramref name="target"/> finds.</summary>
    public async Task SelectAsync(Target target, string value)
    {
        var element = await TargetResolver.ResolveAsync(page, target, timeout).ConfigureAwait(false);
        await element.Locator.SelectOptionAsync(new SelectOptionValue { Value = value }).ConfigureAwait(false);
    }

    /// <summary>The cells of the data rows (rows with <c>td</c> cells) of the grid <paramref name="gridSelector"/>; empty when the page has no such grid.</summary>
    public async Task<IReadOnlyList<string[]>> ReadGridAsync(string gridSelector) =>
        await page.EvalOnSelectorAllAsync<string[][]>(
            gridSelector + " tr:has(td)",
            "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))").ConfigureAwait(false);

    private bool OnLoginPage => new Uri(page.Url).AbsolutePath.Equals("/login", StringComparison.OrdinalIgnoreCase);

    private void ThrowIfSignedOut()
    {
        if (OnLoginPage) throw new SignedOutException();
    }

    private async Task SignOnAsync(bool fresh)
    {
        if (fresh || !OnLoginPage)
            await page.GotoAsync(new Uri(baseAddress, "/login").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded }).ConfigureAwait(false);
        await FillAsync(FinanceTargets.UserId, userName).ConfigureAwait(false);
        await typeSecret(password, p => FillAsync(FinanceTargets.Password, p)).ConfigureAwait(false);
        var button = await TargetResolver.ResolveAsync(page, FinanceTargets.SignOn, timeout).ConfigureAwait(false);
        await ClickAndWaitForPageAsync(button.Locator).ConfigureAwait(false);
        if (OnLoginPage)
            throw new InvalidOperationException($"FIN/2000 refused the sign-on of user '{userName}': check the credential's user name and password.");
    }

    // Every button of FIN/2000 posts the form back, usually to the address the page already has (/invoice), so waiting
    // for an address cannot tell the new page from the old: wait for the navigation the click starts instead.
    // Playwright marks this obsolete because waiting for "a" navigation after the fact races; here the wait is set up
    // before the click, which is the case it still documents.
#pragma warning disable CS0612
    private Task ClickAndWaitForPageAsync(ILocator button) => page.RunAndWaitForNavigationAsync(
        () => button.ClickAsync(),
        new PageRunAndWaitForNavigationOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = (float)timeout.TotalMilliseconds * 2 });
#pragma warning restore CS0612

    /// <summary>The system showed its login page: the session lapsed and the current step must start over.</summary>
    internal sealed class SignedOutException() : Exception("FIN/2000 showed its login page (the session timed out).");
}
