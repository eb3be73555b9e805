using System.Text.RegularExpressions;

namespace Automation.Server.Triggers.Hooks;

/// <summary>Hook paths: how a trigger's path setting and a request's path are made comparable.</summary>
public static partial class HookPaths
{
    /// <summary>Lower case, without leading or trailing slashes; null for null.</summary>
    public static string? Normalise(string? path) => path?.Trim().Trim('/').ToLowerInvariant();

    /// <summary>Why a normalised path cannot be a hook's path, or null when it can.</summary>
    public static string? Problem(string normalised)
    {
        if (normalised.Length > 200) return "A hook path may have at most 200 characters.";
        if (!PathPattern().IsMatch(normalised))
            return $"'{normalised}' is not a hook path: use lower-case letters, digits, '-', '_' and '/' between non-empty parts.";
        return null;
    }

    /// <summary>True when <paramref name="name"/> is usable as an HTTP header name.</summary>
    public static bool IsHeaderName(string name) => HeaderPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9_-]+(/[a-z0-9_-]+)*$")]
    private static partial Regex PathPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,99}$")]
    private static partial Regex HeaderPattern();
}
