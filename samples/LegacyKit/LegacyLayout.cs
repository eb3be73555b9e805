using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Samples.LegacyKit;

/// <summary>
/// The frame every page sits in: a banner, a left menu and a content cell laid out with tables, the way
/// systems written around 2003 look.
/// </summary>
public static class LegacyLayout
{
    private const string Style = """
        body{font-family:Verdana,Arial,sans-serif;font-size:11px;margin:0;background:#d4d0c8}
        td,th,input,select,button{font-size:11px;font-family:Verdana,Arial,sans-serif}
        .banner{background:#003366;color:#fff;font-weight:bold;padding:4px}
        .menu{background:#e8e4dc;vertical-align:top;width:150px;border-right:2px solid #808080}
        .menu a{display:block;color:#000080;padding:2px}
        .grid{border-collapse:collapse;background:#fff}.grid th{background:#c0c0c0;text-align:left}
        .grid td,.grid th{border:1px solid #808080;padding:2px 4px}
        .err{color:#c00000;font-weight:bold}.warn{color:#996600;font-weight:bold}.ok{color:#006600;font-weight:bold}
        fieldset{background:#f0f0f0}
        """;

    /// <summary>The whole page around <paramref name="body"/> (already HTML); <paramref name="menu"/> pairs are (label, href).</summary>
    public static string Render(string appName, string title, string body, HttpContext context, IEnumerable<(string Label, string Href)> menu)
    {
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        var menuHtml = string.Concat(menu.Select(m => $"<a href=\"{Html.E(m.Href)}\">{Html.E(m.Label)}</a>"));
        var userHtml = user is null
            ? ""
            : $"User: {Html.E(user)} &nbsp; <form method=\"post\" action=\"/logout\" style=\"display:inline\">{Token(context)}<button type=\"submit\">Sign off</button></form>";
        var menuCell = user is null ? "" : $"<td class=\"menu\">{menuHtml}</td>";
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{Html.E(appName)} - {Html.E(title)}</title><style>{Style}</style></head>
            <body><table width="100%" cellspacing="0" cellpadding="0" border="0">
            <tr><td colspan="2" class="banner"><table width="100%"><tr><td class="banner">{Html.E(appName)} :: {Html.E(title)}</td><td align="right" class="banner">{userHtml}</td></tr></table></td></tr>
            <tr>{menuCell}<td valign="top" style="padding:6px">{body}</td></tr>
            </table></body></html>
            """;
    }

    /// <summary>The hidden anti-forgery field every posted form carries.</summary>
    public static string Token(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("Antiforgery is not registered.");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }
}
