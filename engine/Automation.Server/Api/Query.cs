using System.Diagnostics.CodeAnalysis;

namespace Automation.Server.Api;

/// <summary>Small helpers for query-string parameters.</summary>
internal static class Query
{
    /// <summary>The default page size of lists.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a list returns.</summary>
    public const int MaxPageSize = 500;

    /// <summary>A requested page size forced into 1..<see cref="MaxPageSize"/>.</summary>
    public static int PageSize(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>Parses an enum value case-insensitively (API JSON writes them camelCase); null text gives null.</summary>
    /// <returns>False with a message naming the allowed values when the text is not one of them.</returns>
    public static bool TryParseEnum<T>(string? text, string parameter, out T? value, [NotNullWhen(false)] out string? error) where T : struct, Enum
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }
        error = $"'{text}' is not a valid {parameter}; use one of: " +
            string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + ".";
        return false;
    }
}
