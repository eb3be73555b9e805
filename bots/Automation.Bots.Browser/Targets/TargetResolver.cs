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
    /// one element. An alternative that matches several is skipped as ambiguous.
    /// </summary>
    /// <exception cref="TargetNotFoundException">Nothing matched within <paramref name="timeout"/>, or every match was ambiguous.</exception>
    public static async Task<ResolvedTarget> ResolveAsync(IPage page, Target target, TimeSpan timeout)
    {
        var locators = target.Alternatives.Select(a => a.Locate(page)).ToArray();
        var any = locators.Skip(1).Aggregate(locators[0], (all, next) => all.Or(next));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var left = deadline - DateTime.UtcNow;
                await any.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)Math.Max(1, left.TotalMilliseconds) }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TargetNotFoundException($"Nothing on the page matched {target} within {timeout.TotalSeconds:0.#} s (page: {page.Url}).");
            }
            var ambiguous = new List<string>();
            for (var i = 0; i < locators.Length; i++)
            {
                var count = await locators[i].CountAsync().ConfigureAwait(false);
                if (count == 1) return new ResolvedTarget(locators[i], target.Alternatives[i], i);
                if (count > 1) ambiguous.Add($"{target.Alternatives[i]} matched {count} elements");
            }
            // The page changed between the wait and the counts (a re-render): look again until the deadline.
            if (DateTime.UtcNow >= deadline)
                throw new TargetNotFoundException(ambiguous.Count > 0
                    ? $"No alternative of the target matched exactly one element: {string.Join("; ", ambiguous)}. Make the target more specific (page: {page.Url})."
                    : $"Nothing on the page matched {target} within {timeout.TotalSeconds:0.#} s (page: {page.Url}).");
            if (ambiguous.Count > 0 && ambiguous.Count == locators.Length)
                throw new TargetNotFoundException($"No alternative of the target matched exactly one element: {string.Join("; ", ambiguous)}. Make the target more specific (page: {page.Url}).");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
