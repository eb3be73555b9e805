using Microsoft.Playwright;

namespace Automation.Bots.Browser.Targets;

/// <summary>The element a <see cref="Target"/> resolved to, and which alternative found it.</summary>
/// <param name="Locator">The element (exactly one on the page when resolved).</param>
/// <param name="Alternative">The alternative that found it.</param>
/// <param name="Index">Its position in <see cref="Target.Alternatives"/> (0 = the preferred one).</param>
public sealed record ResolvedTarget(ILocator Locator, TargetAlternative Alternative, int Index)
{
    /// <summary>True when the preferred alternative did not find the element and a fallback did.</summary>
    public bool UsedFallback => Index > 0;
}

/// <summary>Thrown when no alternative of a target finds exactly one element within the timeout.</summary>
public sealed class TargetNotFoundException(string message) : Exception(message);

/// <summary>Finds a target's element on a page, waiting for it to appear.</summary>
public static class TargetResolver
{
    /// <summary>
    /// Waits until any alternative matches something, then takes the first alternative (in order) that matches exactly
    /// one element. An alternative that matches several is skipped as ambiguous. When the page already shows the
    /// element, this costs one count per alternative tried and no wait.
    /// </summary>
    /// <exception cref="TargetNotFoundException">Nothing matched within <paramref name="timeout"/>, or every match was ambiguous.</exception>
    public static async Task<ResolvedTarget> ResolveAsync(IPage page, Target target, TimeSpan timeout)
    {
        var locators = target.Alternatives.Select(a => a.Locate(page)).ToArray();
        var any = locators.Skip(1).Aggregate(locators[0], (all, next) => all.Or(next));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // Count first: on a page that is already there (most steps) no wait is needed, and each round trip to the
            // browser costs as much as the action itself.
            var ambiguous = new List<string>();
            for (var i = 0; i < locators.Length; i++)
            {
                var count = await locators[i].CountAsync().ConfigureAwait(false);
                if (count == 1) return new ResolvedTarget(locators[i], target.Alternatives[i], i);
                if (count > 1) ambiguous.Add($"{target.Alternatives[i]} matched {count} elements");
            }
            if (ambiguous.Count > 0 && ambiguous.Count == locators.Length)
                throw new TargetNotFoundException(Ambiguous(page, ambiguous));
            if (DateTime.UtcNow >= deadline)
                throw new TargetNotFoundException(ambiguous.Count > 0 ? Ambiguous(page, ambiguous) : NotFound(page, target, timeout));
            if (ambiguous.Count > 0)
            {
                // Some alternatives match several and the others nothing yet: look again until one matches exactly one.
                await Task.Delay(50).ConfigureAwait(false);
                continue;
            }
            try
            {
                var left = deadline - DateTime.UtcNow;
                await any.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)Math.Max(1, left.TotalMilliseconds) }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TargetNotFoundException(NotFound(page, target, timeout));
            }
            // Something appeared: count again (the page may change between the wait and the counts; a re-render).
        }
    }

    /// <summary>
    /// Does <paramref name="action"/> (a fill, a click) on the target's element and returns how it was found. A target
    /// with a single alternative is acted on at once: Playwright's action itself waits for exactly one element, so the
    /// step costs what a plain Playwright call costs; should it fail because nothing or several elements matched, that
    /// is reported as <see cref="ResolveAsync"/> reports it. A target with fallbacks is resolved first.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="target">What to act on.</param>
    /// <param name="timeout">How long the element may take to appear (give the action the same timeout).</param>
    /// <param name="action">The action on the element's locator.</param>
    /// <exception cref="TargetNotFoundException">Nothing matched within <paramref name="timeout"/>, or every match was ambiguous.</exception>
    /// <exception cref="PlaywrightException">The element was found but the action failed (hidden, disabled, read-only, the page closed).</exception>
    public static async Task<ResolvedTarget> ActAsync(IPage page, Target target, TimeSpan timeout, Func<ILocator, Task> action)
    {
        if (target.Alternatives.Count > 1)
        {
            var resolved = await ResolveAsync(page, target, timeout).ConfigureAwait(false);
            await action(resolved.Locator).ConfigureAwait(false);
            return resolved;
        }
        var alternative = target.Alternatives[0];
        var locator = alternative.Locate(page);
        try
        {
            await action(locator).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or System.TimeoutException && !page.IsClosed)
        {
            // Why did it fail? Nothing there and several there are target problems; one element means the action failed.
            var count = await locator.CountAsync().ConfigureAwait(false);
            if (count == 0) throw new TargetNotFoundException(NotFound(page, target, timeout));
            if (count > 1) throw new TargetNotFoundException(Ambiguous(page, [$"{alternative} matched {count} elements"]));
            throw;
        }
        return new ResolvedTarget(locator, alternative, 0);
    }

    private static string NotFound(IPage page, Target target, TimeSpan timeout) =>
        $"Nothing on the page matched {target} within {timeout.TotalSeconds:0.#} s (page: {page.Url}).";

    private static string Ambiguous(IPage page, List<string> ambiguous) =>
        $"No alternative of the target matched exactly one element: {string.Join("; ", ambiguous)}. Make the target more specific (page: {page.Url}).";
}
