using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samples.LegacyKit;
using Samples.PeoplePortal.Data;
using Samples.PeoplePortal.Staff;
using static Samples.LegacyKit.Html;

namespace Samples.PeoplePortal.Pages;

/// <summary>The new-user form (classic or restyled) and its post.</summary>
public static class NewUserPages
{
    /// <summary>Maps GET and POST <c>/users/new</c>.</summary>
    public static void MapNewUserPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/users/new", (HttpContext ctx, IOptions<LegacyAppOptions> options) =>
            Form(ctx, options.Value.Restyle, new NewUserInput(), []));

        pages.MapPost("/users/new", (HttpContext ctx, [FromForm] IFormCollection form, StaffStore store, IOptions<LegacyAppOptions> options) =>
        {
            var restyle = options.Value.Restyle;
            var s = restyle ? UserFormStyle.Restyled : UserFormStyle.Classic;
            var input = new NewUserInput
            {
                EmployeeNumber = form[s.EmployeeNumber].ToString(),
                FirstName = form[s.FirstName].ToString(),
                LastName = form[s.LastName].ToString(),
                JobTitle = form[s.JobTitle].ToString(),
                Department = form[s.Department].ToString(),
                Manager = form[s.Manager].ToString(),
                StartDate = form[s.StartDate].ToString(),
                Licence = form[s.Licence].ToString(),
            };
            input.Groups.AddRange(form[s.Groups].Where(g => g is not null).Select(g => g!));
            var (created, messages) = store.Create(input, ctx.User.Identity?.Name ?? "?");
            if (created is null)
            {
                return Form(ctx, restyle, input, messages);
            }

            var body = restyle
                ? $"<div role=\"status\" class=\"notice\"><h2>Account created</h2><p>Sign-in name <strong data-user-name=\"{E(created.UserName)}\">{E(created.UserName)}</strong> for {E(created.FirstName)} {E(created.LastName)} (employee {E(created.EmployeeNumber)}).</p></div>"
                : $"<p class=\"ok\">I001 User <span id=\"lblUserId\">{E(created.UserName)}</span> created for Emp No {E(created.EmployeeNumber)}.</p>";
            return Page(PortalApp.Render(ctx, "New user", body + "<p><a href=\"/users/new\">New user</a></p>"));
        });
    }

    private static IResult Form(HttpContext ctx, bool restyle, NewUserInput input, IReadOnlyList<PortalMessage> messages)
    {
        var s = restyle ? UserFormStyle.Restyled : UserFormStyle.Classic;
        var sb = new StringBuilder();
        if (messages.Count > 0)
        {
            sb.Append(restyle ? "<ul role=\"alert\" class=\"errors\">" : "<div id=\"msgs\">");
            foreach (var m in messages)
            {
                sb.Append(restyle ? $"<li class=\"err\">{E(m.Text)}</li>" : $"<div class=\"err\">{E(m.Text)}</div>");
            }

            sb.Append(restyle ? "</ul>" : "</div>");
        }

        sb.Append($"<form method=\"post\" action=\"/users/new\" id=\"{(restyle ? "create-account" : "frmNewUser")}\">{LegacyLayout.Token(ctx)}");
        if (restyle)
        {
            // The new release: two fieldsets, names first, labels wrapping some inputs, groups as a list.
            sb.Append("<fieldset><legend>Person</legend>");
            sb.Append(Wrapped(s.FirstName, s.FirstNameLabel, input.FirstName) + Wrapped(s.LastName, s.LastNameLabel, input.LastName));
            sb.Append(For("emp-id", s.EmployeeNumber, s.EmployeeNumberLabel, input.EmployeeNumber));
            sb.Append("</fieldset><fieldset><legend>Job</legend>");
            sb.Append($"<div class=\"field\"><label>{E(s.DepartmentLabel)} <select name=\"{s.Department}\">{Options(PortalSeed.Departments, input.Department)}</select></label></div>");
            sb.Append(For("role", s.JobTitle, s.JobTitleLabel, input.JobTitle) + For("mgr", s.Manager, s.ManagerLabel, input.Manager));
            sb.Append(For("first-day", s.StartDate, s.StartDateLabel, input.StartDate));
            sb.Append($"<div class=\"field\"><label for=\"sku\">{E(s.LicenceLabel)}</label><select id=\"sku\" name=\"{s.Licence}\">{Options(PortalSeed.Licences, input.Licence)}</select></div>");
            sb.Append($"</fieldset><fieldset><legend>{E(s.GroupsLabel)}</legend><ul class=\"checks\">");
            foreach (var g in PortalSeed.Groups)
            {
                sb.Append($"<li><label><input type=\"checkbox\" name=\"{s.Groups}\" value=\"{E(g)}\"{(input.Groups.Contains(g) ? " checked" : "")}> {E(g)}</label></li>");
            }

            sb.Append($"</ul></fieldset><p><button type=\"submit\">{E(s.SubmitText)}</button></p></form>");
            return Page(PortalApp.Render(ctx, "Create an account", "<h2>Create an account</h2>" + sb));
        }

        sb.Append("<table class=\"grid\">");
        sb.Append(Row(s.EmployeeNumber, s.EmployeeNumberLabel, input.EmployeeNumber));
        sb.Append(Row(s.FirstName, s.FirstNameLabel, input.FirstName) + Row(s.LastName, s.LastNameLabel, input.LastName));
        sb.Append(Row(s.JobTitle, s.JobTitleLabel, input.JobTitle));
        sb.Append($"<tr><td><label for=\"{s.Department}\">{E(s.DepartmentLabel)}</label></td><td><select id=\"{s.Department}\" name=\"{s.Department}\">{Options(PortalSeed.Departments, input.Department)}</select></td></tr>");
        sb.Append($"<tr><td><label for=\"{s.Manager}\">{E(s.ManagerLabel)}</label></td><td><input id=\"{s.Manager}\" name=\"{s.Manager}\" size=\"10\" value=\"{E(input.Manager)}\"> <a href=\"/staff\" target=\"_blank\">Lookup...</a></td></tr>");
        sb.Append(Row(s.StartDate, s.StartDateLabel, input.StartDate));
        sb.Append($"<tr><td><label for=\"{s.Licence}\">{E(s.LicenceLabel)}</label></td><td><select id=\"{s.Licence}\" name=\"{s.Licence}\">{Options(PortalSeed.Licences, input.Licence)}</select></td></tr>");
        sb.Append($"<tr><td>{E(s.GroupsLabel)}</td><td>");
        var i = 0;
        foreach (var g in PortalSeed.Groups)
        {
            i++;
            sb.Append($"<input type=\"checkbox\" id=\"{s.Groups}{i}\" name=\"{s.Groups}\" value=\"{E(g)}\"{(input.Groups.Contains(g) ? " checked" : "")}><label for=\"{s.Groups}{i}\">{E(g)}</label><br>");
        }

        sb.Append($"</td></tr></table><p><input type=\"submit\" id=\"btnCreate\" value=\"{E(s.SubmitText)}\"></p></form>");
        return Page(PortalApp.Render(ctx, "New user", "<h3>SA01 New User</h3>" + sb));

        static string Row(string id, string label, string value) =>
            $"<tr><td><label for=\"{id}\">{E(label)}</label></td><td><input id=\"{id}\" name=\"{id}\" value=\"{E(value)}\"></td></tr>";
        static string Wrapped(string name, string label, string value) =>
            $"<div class=\"field\"><label>{E(label)} <input name=\"{name}\" value=\"{E(value)}\"></label></div>";
        static string For(string id, string name, string label, string value) =>
            $"<div class=\"field\"><label for=\"{id}\">{E(label)}</label><input id=\"{id}\" name=\"{name}\" value=\"{E(value)}\"></div>";
    }
}
