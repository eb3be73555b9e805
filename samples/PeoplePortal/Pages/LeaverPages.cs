using Microsoft.AspNetCore.Mvc;
using Samples.LegacyKit;
using Samples.PeoplePortal.Staff;
using static Samples.LegacyKit.Html;

namespace Samples.PeoplePortal.Pages;

/// <summary>SA20 leavers: look the account up by employee number, then disable it from the leave date.</summary>
public static class LeaverPages
{
    /// <summary>Maps GET and POST <c>/leavers</c>.</summary>
    public static void MapLeaverPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/leavers", (HttpContext ctx, string? empNo, StaffStore store) => Form(ctx, store, empNo, null, []));

        pages.MapPost("/leavers", (HttpContext ctx, [FromForm] string? empNo, [FromForm] string? leaveDt, StaffStore store) =>
        {
            var messages = store.Disable(empNo ?? "", leaveDt ?? "", ctx.User.Identity?.Name ?? "?");
            var done = messages.Count == 0 ? $"<p class=\"ok\" id=\"lblDone\">I020 Account for Emp No {E(empNo)} disabled.</p>" : null;
            return Form(ctx, store, empNo, done, messages);
        });
    }

    private static IResult Form(HttpContext ctx, StaffStore store, string? empNo, string? done, IReadOnlyList<PortalMessage> messages)
    {
        var sb = new System.Text.StringBuilder("<h3>SA20 Leavers</h3>");
        sb.Append(done ?? "");
        sb.Append(string.Concat(messages.Select(m => $"<div class=\"err\">{E(m.Text)}</div>")));
        sb.Append($"<form method=\"get\" action=\"/leavers\"><label for=\"txtFind\">Emp No</label> <input id=\"txtFind\" name=\"empNo\" value=\"{E(empNo)}\"> <input type=\"submit\" value=\"Find\"></form><br>");
        var row = string.IsNullOrWhiteSpace(empNo) ? null : store.Find(empNo);
        if (!string.IsNullOrWhiteSpace(empNo) && row is null)
        {
            sb.Append($"<p class=\"err\">P20 Emp No {E(empNo)} not found</p>");
        }
        else if (row is not null)
        {
            sb.Append(StaffLookupPages.Details(row));
            if (row.Status != "Disabled")
            {
                sb.Append($"<form method=\"post\" action=\"/leavers\">{LegacyLayout.Token(ctx)}<input type=\"hidden\" name=\"empNo\" value=\"{E(row.EmployeeNumber)}\">");
                sb.Append("<p><label for=\"leaveDt\">Leave Dt (DD/MM/YYYY)</label> <input id=\"leaveDt\" name=\"leaveDt\" size=\"10\"> <input type=\"submit\" id=\"btnDisable\" value=\"Disable a/c\"></p></form>");
            }
        }

        return Page(PortalApp.Render(ctx, "Leavers", sb.ToString()));
    }
}
