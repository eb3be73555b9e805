using System.Net;
using System.Text.Json;
using Automation.Samples.Tests.Support;
using Samples.PeoplePortal;

namespace Automation.Samples.Tests;

/// <summary>The people portal sample, driven over HTTP as a bot would, checked through its test read API.</summary>
public sealed class PeoplePortalTests
{
    private static Task<RunningApp> Start(bool restyle = false) =>
        RunningApp.StartAsync(PortalApp.Create, PortalApp.Section, new Dictionary<string, string> { ["Restyle"] = restyle ? "true" : "false" });

    // A starter as the Entra inbound-provisioning sample exports one (WorkerID 1513), managed by seeded 9002.
    private static List<KeyValuePair<string, string>> ClassicStarter(string number = "1513", string manager = "9002") =>
    [
        new("EmpNo", number), new("FName", "Ginnie"), new("SName", "Fadiman"), new("JobTtl", "Project Manager"),
        new("Dept", "Product Engineering"), new("LineMgr", manager), new("StartDt", "10/07/2026"), new("Lic", "M365 E3"),
        new("Grp", "All Staff"), new("Grp", "Engineering"),
    ];

    private static async Task<JsonElement[]> Users(RunningApp app)
    {
        using var http = app.TestingClient();
        return JsonDocument.Parse(await http.GetStringAsync("testing/users")).RootElement.EnumerateArray().ToArray();
    }

    private static JsonElement User(JsonElement[] users, string number) => users.Single(u => u.GetProperty("employeeNumber").GetString() == number);

    [Test]
    public async Task Sign_on_is_needed_and_a_wrong_password_is_refused()
    {
        await using var app = await Start();
        using var client = app.NewClient();

        await client.GetAsync("/users/new");
        Assert.That(client.LastUri!.AbsolutePath, Is.EqualTo("/login"));
        Assert.That(await client.SignOnAsync(password: "nope"), Does.Contain("Sign on failed"));

        var page = await client.SignOnAsync();

        Assert.That(client.LastUri!.AbsolutePath, Is.EqualTo("/staff"));
        Assert.That(page, Does.Contain("SA10 Find Staff"));
    }

    [Test]
    public async Task A_new_user_is_created_with_a_generated_user_name_and_stored_as_keyed()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/users/new");
        Assert.That(form, Does.Contain("<label for=\"LineMgr\">Line Mgr (Emp No)</label>").And.Contain("<option value=\"M365 E3\">"));

        var created = await client.PostAsync("/users/new", form, ClassicStarter());

        Assert.That(created, Does.Contain("I001 User <span id=\"lblUserId\">gfadiman</span> created for Emp No 1513"));
        var u = User(await Users(app), "1513");
        Assert.Multiple(() =>
        {
            Assert.That(u.GetProperty("userName").GetString(), Is.EqualTo("gfadiman"));
            Assert.That(u.GetProperty("jobTitle").GetString(), Is.EqualTo("Project Manager"));
            Assert.That(u.GetProperty("department").GetString(), Is.EqualTo("Product Engineering"));
            Assert.That(u.GetProperty("managerNumber").GetString(), Is.EqualTo("9002"));
            Assert.That(u.GetProperty("startDate").GetString(), Is.EqualTo("2026-07-10"));
            Assert.That(u.GetProperty("licence").GetString(), Is.EqualTo("M365 E3"));
            Assert.That(u.GetProperty("groups").EnumerateArray().Select(g => g.GetString()), Is.EqualTo(new[] { "All Staff", "Engineering" }));
            Assert.That(u.GetProperty("status").GetString(), Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task A_duplicate_employee_number_is_refused_with_a_message_and_not_stored_twice()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/users/new");
        await client.PostAsync("/users/new", form, ClassicStarter());

        form = await client.GetAsync("/users/new");
        var refused = await client.PostAsync("/users/new", form, ClassicStarter());

        Assert.That(refused, Does.Contain("P02 Emp No 1513 already on file (user gfadiman) - duplicate not created"));
        Assert.That((await Users(app)).Count(u => u.GetProperty("employeeNumber").GetString() == "1513"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_starter_created_by_six_officers_at_once_is_stored_once()
    {
        await using var app = await Start();
        var clients = Enumerable.Range(0, 6).Select(_ => app.NewClient()).ToList();
        var forms = new List<string>();
        foreach (var c in clients)
        {
            await c.SignOnAsync();
            forms.Add(await c.GetAsync("/users/new"));
        }

        var pages = await Task.WhenAll(clients.Select((c, i) => c.PostAsync("/users/new", forms[i], ClassicStarter())));

        Assert.That(pages.Count(p => p.Contains("I001 User", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(pages.Count(p => p.Contains("P02 Emp No 1513 already on file", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That((await Users(app)).Count(u => u.GetProperty("employeeNumber").GetString() == "1513"), Is.EqualTo(1));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task Missing_and_unknown_values_are_refused_with_their_messages()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/users/new");

        var page = await client.PostAsync("/users/new", form,
        [
            new("EmpNo", "12 34"), new("FName", ""), new("SName", "X"), new("JobTtl", "Clerk"), new("Dept", "Space Programme"),
            new("LineMgr", "4242"), new("StartDt", "31/02/2026"), new("Lic", "Gold"), new("Grp", "Root"),
        ]);

        Assert.That(page, Does.Contain("P01 Emp No mandatory").And.Contain("P03 Forename mandatory").And.Contain("P05 Dept not valid")
            .And.Contain("P06 Line Mgr 4242 not found").And.Contain("P07 Start Dt invalid").And.Contain("P08 Lic not valid").And.Contain("P09 Grp Root unknown"));
        Assert.That(page, Does.Contain("value=\"12 34\""), "what was typed is shown back");
        Assert.That(await Users(app), Has.Length.EqualTo(6), "only the seeded staff");
    }

    [Test]
    public async Task A_second_person_with_the_same_name_gets_the_next_free_user_name()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/users/new");
        await client.PostAsync("/users/new", form, ClassicStarter("1513"));
        form = await client.GetAsync("/users/new");

        var second = await client.PostAsync("/users/new", form, ClassicStarter("1900"));

        Assert.That(second, Does.Contain(">gfadiman2<"));
    }

    [Test]
    public async Task A_leaver_is_found_by_employee_number_and_disabled_on_the_leave_date()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/users/new");
        await client.PostAsync("/users/new", form, ClassicStarter());

        var found = await client.GetAsync("/leavers?empNo=1513");
        Assert.That(found, Does.Contain("<th>User ID</th><td>gfadiman</td>").And.Contain("Disable a/c"));
        var early = await client.PostAsync("/leavers", found, [new("empNo", "1513"), new("leaveDt", "01/01/2020")]);
        Assert.That(early, Does.Contain("P23 Leave Dt before Start Dt 2026-07-10"));

        var done = await client.PostAsync("/leavers", found, [new("empNo", "1513"), new("leaveDt", "31/12/2026")]);

        Assert.That(done, Does.Contain("I020 Account for Emp No 1513 disabled.").And.Contain("<th>Status</th><td>Disabled</td>"));
        var u = User(await Users(app), "1513");
        Assert.That(u.GetProperty("status").GetString(), Is.EqualTo("Disabled"));
        Assert.That(u.GetProperty("leaveDate").GetString(), Is.EqualTo("2026-12-31"));
        var again = await client.PostAsync("/leavers", found, [new("empNo", "1513"), new("leaveDt", "31/12/2026")]);
        Assert.That(again, Does.Contain("P21 Account gfadiman already disabled (leave date 2026-12-31)"));
    }

    [Test]
    public async Task Lookup_finds_staff_by_employee_number_or_name()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();

        var byNumber = await client.GetAsync("/staff?q=9003");
        var byName = await client.GetAsync("/staff?q=llewellyn");
        var record = await client.GetAsync("/staff/9001");

        Assert.That(byNumber, Does.Contain("<td>Sunita Rao</td>"));
        Assert.That(byName, Does.Contain("<td>Gareth Llewellyn</td>"));
        Assert.That(record, Does.Contain("<th>Surname</th><td>Okafor</td>"));
    }

    [Test]
    public async Task The_restyle_switch_changes_labels_names_and_layout_and_the_new_form_still_creates()
    {
        await using var app = await Start(restyle: true);
        using var client = app.NewClient();
        await client.SignOnAsync();

        var form = await client.GetAsync("/users/new");

        Assert.That(form, Does.Not.Contain("Forename").And.Not.Contain("id=\"EmpNo\"").And.Not.Contain("Lic Type"));
        Assert.That(form, Does.Contain("<label>First name <input name=\"given_name\"").And.Contain("<label for=\"sku\">Microsoft 365 licence</label>")
            .And.Contain("<legend>Access groups</legend>"));
        var created = await client.PostAsync("/users/new", form,
        [
            new("employee_id", "2000"), new("given_name", "Keelia"), new("family_name", "Standing"), new("role_title", "Engineering Manager"),
            new("org_unit", "Human Resources"), new("reports_to", ""), new("first_day", "2026-12-08"), new("licence_sku", "M365 F3"), new("access_group", "Interns"),
        ]);

        Assert.That(created, Does.Contain("Sign-in name <strong data-user-name=\"kstanding\">"));
        var u = User(await Users(app), "2000");
        Assert.That(u.GetProperty("managerNumber").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(u.GetProperty("groups").EnumerateArray().Single().GetString(), Is.EqualTo("Interns"));
    }

    [Test]
    public void A_bad_setting_stops_the_start_with_a_message_naming_it()
    {
        var e = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await RunningApp.StartAsync(PortalApp.Create, PortalApp.Section, new Dictionary<string, string> { ["SessionTimeoutSeconds"] = "0" });
        });

        Assert.That(e!.Message, Does.Contain("People:SessionTimeoutSeconds must be at least 1 (was 0)"));
    }

    [Test]
    public async Task The_testing_API_refuses_a_wrong_token()
    {
        await using var app = await Start();
        using var wrong = app.TestingClient("nope");

        Assert.That((await wrong.GetAsync("testing/users")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
