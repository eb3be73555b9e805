using System.Net;
using Microsoft.AspNetCore.Http;

namespace Samples.LegacyKit;

/// <summary>Small helpers for writing HTML by hand.</summary>
public static class Html
{
    /// <summary>HTML-encodes <paramref name="text"/> (null gives an empty string).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An HTML response in UTF-8.</summary>
    public static IResult Page(string html, int statusCode = 200) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    /// <summary>A <c>select</c>'s options with <paramref name="selected"/> marked.</summary>
    public static string Options(IEnumerable<string> values, string? selected, bool blank = true)
    {
        var sb = new System.Text.StringBuilder();
        if (blank)
        {
            sb.Append("<option value=\"\">--</option>");
        }

        foreach (var v in values)
        {
            var sel = string.Equals(v, selected, StringComparison.Ordinal) ? " selected" : "";
            sb.Append($"<option value=\"{E(v)}\"{sel}>{E(v)}</option>");
        }

        return sb.ToString();
    }
}
