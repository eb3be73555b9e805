using System.Text;
using Samples.PeoplePortal.Data;
using Samples.PeoplePortal.Staff;
using static Samples.LegacyKit.Html;

namespace Samples.PeoplePortal.Pages;

/// <summary>Find staff by employee number or name (also the line-manager lookup), and one account's details.</summary>
public static class StaffLookupPages
{
    /// <summary>Maps <c>/staff</c> and <c>/staff/{employeeNumber}</c>.</summary>
    public static void MapStaffLookupPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/staff", (HttpContext ctx, string? q, StaffStore store) =>
        {
            var sb = new StringBuilder("<h3>SA10 Find Staff</h3><form method=\"get\" action=\"/staff\">");
            sb.Append($"<label for=\"q\">Emp No / Name</label> <input id=\"q\" name=\"q\" value=\"{E(q)}\"> <input type=\"submit\" value=\"Search\"></form><br>");
            if (!string.IsNullOrWhiteSpace(q))
            {
                var rows = store.Search(q);
                if (rows.Count == 0)
                {
                    sb.Append("<p class=\"err\" id=\"lblNoRec\">No matching staff</p>");
                }
                else
                {
                    sb.Append("<table class=\"grid\" id=\"grdStaff\"><tr><th>Emp No</th><th>User</th><th>Name</th><th>Job Ttl</th><th>Dept</th><th>Status</th></tr>");
                    foreach (var r in rows)
                    {
                        sb.Append($"<tr><td><a href=\"/staff/{Uri.EscapeDataString(r.EmployeeNumber)}\">{E(r.EmployeeNumber)}</a></td><td>{E(r.UserName)}</td><td>{E(r.FirstName)} {E(r.LastName)}</td><td>{E(r.JobTitle)}</td><td>{E(r.Department)}</td><td>{E(r.Status)}</td></tr>");
                    }

                    sb.Append("</table>");
                }
            }

            return Page(PortalApp.Render(ctx, "Find staff", sb.ToString()));
        });

        pages.MapGet("/staff/{employeeNumber}", (HttpContext ctx, string employeeNumber, StaffStore store) =>
        {
            var r = store.Find(employeeNumber);
            if (r is null)
            {
                return Page(PortalApp.Render(ctx, "Staff record", $"<p class=\"err\">P20 Emp No {E(employeeNumber)} not found</p>"), 404);
            }

            return Page(PortalApp.Render(ctx, "Staff record", Details(r)));
        });
    }

    /// <summary>The account's details as a two-column table.</summary>
    public static string Details(StaffRow r)
    {
        (string, string?)[] rows =
        [
            ("Emp No", r.EmployeeNumber), ("User ID", r.UserName), ("Forename", r.FirstName), ("Surname", r.LastName),
            ("Job Ttl", r.JobTitle), ("Dept", r.Department), ("Line Mgr", r.ManagerNumber), ("Start Dt", r.StartDate),
            ("Lic Type", r.Licence), ("Grps", r.Groups.Replace(";", ", ", StringComparison.Ordinal)), ("Status", r.Status), ("Leave Dt", r.LeaveDate),
            ("E-mail", r.Email),
        ];
        return "<table class=\"grid\" id=\"tblStaff\">" + string.Concat(rows.Select(x => $"<tr><th>{E(x.Item1)}</th><td>{E(x.Item2)}</td></tr>")) + "</table>";
    }
}
