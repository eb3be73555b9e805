using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Targets;
using Automation.Bots.Browser.Workers;
using Microsoft.Playwright;

namespace Samples.Bots.People;

/// <summary>
/// The people portal (PeopleNet) as the bot drives it in one browser page: signs on when a page asks for it (first
/// visit or a timed-out session), reads staff records, fills the new-user form and disables leavers. Fields are found
/// by their labels as a person reads them, with the other release's labels and the field names as fallbacks, so the
/// classic screen and the restyled one are both filled. The password is typed through <paramref name="typeSecret"/> when
/// given (a bot passes its context's <c>TypeSecretAsync</c>, which keeps it out of the item's trace), else filled directly.
/// </summary>
public sealed class PeopleNetPortal(IPage page, Uri baseUrl, string userName, string password, Func<string, Func<string, Task>, Task>? typeSecret = null)
{
    private static readonly TimeSpan FieldTimeout = TimeSpan.FromSeconds(10);

    private static readonly Target EmployeeNumberField = Field("Employee number", "Emp No", "employee_id", "EmpNo");
    private static readonly Target FirstNameField = Field("First name", "Forename", "given_name", "FName");
    private static readonly Target LastNameField = Field("Last name", "Surname", "family_name", "SName");
    private static readonly Target JobTitleField = Field("Job title", "Job Ttl", "role_title", "JobTtl");
    private static readonly Target DepartmentField = Field("Department", "Dept", "org_unit", "Dept", "select");
    private static readonly Target ManagerField = Field("Manager's employee number", "Line Mgr (Emp No)", "reports_to", "LineMgr");
    private static readonly Target StartDateField = Field("Start date", "Start Dt (DD/MM/YYYY)", "first_day", "StartDt");
    private static readonly Target LicenceField = Field("Microsoft 365 licence", "Lic Type", "licence_sku", "Lic", "select");
    private static readonly Target CreateButton = Parse("""{ "role": "button", "name": "Create account", "fallbacks": [{ "role": "button", "name": "Create" }] }""");
    private static readonly Target LeaveDateField = Parse("""{ "label": "Leave Dt (DD/MM/YYYY)", "fallbacks": [{ "label": "Leave date" }, { "css": "input[name=leaveDt]" }] }""");
    private static readonly Target DisableButton = Parse("""{ "role": "button", "name": "Disable a/c", "fallbacks": [{ "role": "button", "name": "Disable account" }] }""");

    /// <summary>How many times this page signed on (once for a fresh page; more after a session timed out).</summary>
    public int SignOns { get; private set; }

    /// <summary>The account with <paramref name="employeeNumber"/>, or null when the portal has none.</summary>
    /// <exception cref="InvalidOperationException">The portal refused the sign-on, or showed a page the bot does not know.</exception>
    public async Task<StaffAccount?> FindAsync(string employeeNumber)
    {
        await OpenAsync("staff/" + Uri.EscapeDataString(employeeNumber)).ConfigureAwait(false);
        var fields = await page.EvaluateAsync<Dictionary<string, string>?>("""
            () => {
              const table = document.querySelector('#tblStaff');
              if (!table) return null;
              const result = {};
              for (const row of table.querySelectorAll('tr')) {
                const th = row.querySelector('th'), td = row.querySelector('td');
                if (th && td) result[th.textContent.trim()] = td.textContent.trim();
              }
              return result;
            }
            """).ConfigureAwait(false);
        if (fields is null)
        {
            var text = await page.InnerTextAsync("body").ConfigureAwait(false);
            if (text.Contains("P20", StringComparison.Ordinal)) return null;
            throw new InvalidOperationException($"The staff record page of {employeeNumber} showed neither the record nor 'not found' (page: {page.Url}).");
        }

        string? Get(string label) => fields.TryGetValue(label, out var v) && v.Length > 0 ? v : null;
        return new StaffAccount(
            Get("Emp No") ?? employeeNumber, Get("User ID") ?? "", Get("Forename") ?? "", Get("Surname") ?? "", Get("Job Ttl") ?? "", Get("Dept") ?? "",
            Get("Line Mgr"), Get("Start Dt") ?? "", Get("Lic Type") ?? "",
            (Get("Grps") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Get("Status") ?? "", Get("Leave Dt"), Get("E-mail"));
    }

    /// <summary>Keys <paramref name="account"/> into the new-user form and returns the portal's answer.</summary>
    /// <exception cref="BusinessException">The department, licence or a group is not offered by the form (code <see cref="StarterLeaverCodes.UnknownDepartment"/> or <see cref="StarterLeaverCodes.UnknownChoice"/>).</exception>
    /// <exception cref="InvalidOperationException">The sign-on was refused, or the form's answer is a page the bot does not know.</exception>
    /// <exception cref="TargetNotFoundException">A field of the form could not be found.</exception>
    public async Task<CreateAnswer> CreateAsync(NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        // A session that times out between the form and its post loses what was typed (the post lands on the sign-on
        // page): sign on again and key the form once more.
        for (var attempt = 1; ; attempt++)
        {
            await OpenAsync("users/new").ConfigureAwait(false);
            await FillAsync(EmployeeNumberField, account.EmployeeNumber).ConfigureAwait(false);
            await FillAsync(FirstNameField, account.FirstName).ConfigureAwait(false);
            await FillAsync(LastNameField, account.LastName).ConfigureAwait(false);
            await FillAsync(JobTitleField, account.JobTitle).ConfigureAwait(false);
            await SelectAsync(DepartmentField, account.Department, "department", StarterLeaverCodes.UnknownDepartment).ConfigureAwait(false);
            await FillAsync(ManagerField, account.ManagerNumber ?? "").ConfigureAwait(false);
            await FillAsync(StartDateField, account.StartDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await SelectAsync(LicenceField, account.Licence, "licence", StarterLeaverCodes.UnknownChoice).ConfigureAwait(false);
            foreach (var group in account.Groups)
            {
                var box = page.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = group, Exact = true });
                if (await box.CountAsync().ConfigureAwait(false) != 1)
                    throw new BusinessException($"The portal's form offers no access group '{group}' (from the bot's groupsByRole setting).", StarterLeaverCodes.UnknownChoice);
                await box.CheckAsync().ConfigureAwait(false);
            }
            var create = await ResolveAsync(CreateButton).ConfigureAwait(false);
            await SubmitAsync(create).ConfigureAwait(false);
            if (IsSignOnPage && attempt == 1)
            {
                await SignOnAsync().ConfigureAwait(false);
                continue;
            }
            return await ReadCreateAnswerAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disables the account of <paramref name="employeeNumber"/> from <paramref name="leaveDate"/>; returns the portal's refusal messages (empty when disabled).</summary>
    /// <exception cref="InvalidOperationException">The sign-on was refused, or the answer is a page the bot does not know.</exception>
    /// <exception cref="TargetNotFoundException">The leave date field or the button could not be found (the account is not on the page).</exception>
    public async Task<IReadOnlyList<string>> DisableAsync(string employeeNumber, DateOnly leaveDate)
    {
        for (var attempt = 1; ; attempt++)
        {
            await OpenAsync("leavers?empNo=" + Uri.EscapeDataString(employeeNumber)).ConfigureAwait(false);
            await FillAsync(LeaveDateField, leaveDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).ConfigureAwait(false);
            var disable = await ResolveAsync(DisableButton).ConfigureAwait(false);
            await SubmitAsync(disable).ConfigureAwait(false);
            if (IsSignOnPage && attempt == 1)
            {
                await SignOnAsync().ConfigureAwait(false);
                continue;
            }
            var answer = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#lblDone, .err')).map(e => e.textContent.trim())").ConfigureAwait(false);
            if (answer.Any(a => a.StartsWith("I020", StringComparison.Ordinal))) return [];
            if (answer.Length > 0) return answer;
            throw new InvalidOperationException($"After 'Disable a/c' for {employeeNumber} the portal showed neither I020 nor a message (page: {page.Url}).");
        }
    }

    private bool IsSignOnPage => new Uri(page.Url).AbsolutePath.Equals("/login", StringComparison.OrdinalIgnoreCase);

    private async Task OpenAsync(string relative)
    {
        var url = new Uri(baseUrl, relative).ToString();
        await page.GotoAsync(url).ConfigureAwait(false);
        if (!IsSignOnPage) return;
        await SignOnAsync().ConfigureAwait(false);
        if (new Uri(page.Url).PathAndQuery != new Uri(url).PathAndQuery) await page.GotoAsync(url).ConfigureAwait(false);
    }

    private async Task SignOnAsync()
    {
        await page.GetByLabel("User ID", new PageGetByLabelOptions { Exact = true }).FillAsync(userName).ConfigureAwait(false);
        var field = page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true });
        if (typeSecret is null) await field.FillAsync(password).ConfigureAwait(false);
        else await typeSecret(password, p => field.FillAsync(p)).ConfigureAwait(false);
        await SubmitAsync(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign on", Exact = true })).ConfigureAwait(false);
        SignOns++;
        if (IsSignOnPage)
            throw new InvalidOperationException($"The people portal refused the sign-on of user '{userName}': check the bot's credential.");
    }

    private async Task<CreateAnswer> ReadCreateAnswerAsync()
    {
        // Classic: I001 User <span id="lblUserId">name</span>; restyled: <strong data-user-name="name">.
        var answer = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => ({
              user: document.querySelector('#lblUserId')?.textContent?.trim() ?? document.querySelector('[data-user-name]')?.getAttribute('data-user-name') ?? null,
              messages: Array.from(document.querySelectorAll('.err')).map(e => e.textContent.trim()),
            })
            """).ConfigureAwait(false);
        var user = answer.GetProperty("user").GetString();
        var messages = answer.GetProperty("messages").EnumerateArray().Select(m => m.GetString() ?? "").ToList();
        if (!string.IsNullOrEmpty(user)) return new CreateAnswer(user, []);
        if (messages.Count > 0) return new CreateAnswer(null, messages);
        throw new InvalidOperationException($"After 'Create' the portal showed neither a user id nor a message (page: {page.Url}).");
    }

    // Every form here posts back and answers with a whole new page, often at the same address. The old document is
    // marked before the click, so the wait ends only once a new document (without the mark) has loaded.
    private async Task SubmitAsync(ILocator button)
    {
        await page.EvaluateAsync("() => { window.__starterLeaverPosted = true; }").ConfigureAwait(false);
        await button.ClickAsync().ConfigureAwait(false);
        await page.WaitForFunctionAsync("() => !window.__starterLeaverPosted && document.readyState === 'complete'").ConfigureAwait(false);
    }

    private async Task<ILocator> ResolveAsync(Target target) => (await TargetResolver.ResolveAsync(page, target, FieldTimeout).ConfigureAwait(false)).Locator;

    private async Task FillAsync(Target target, string value) => await (await ResolveAsync(target).ConfigureAwait(false)).FillAsync(value).ConfigureAwait(false);

    private async Task SelectAsync(Target target, string choice, string what, string code)
    {
        var select = await ResolveAsync(target).ConfigureAwait(false);
        var options = await select.EvaluateAsync<string[]>("s => Array.from(s.options).map(o => o.text.trim())").ConfigureAwait(false);
        var match = options.FirstOrDefault(o => o.Equals(choice, StringComparison.OrdinalIgnoreCase))
            ?? throw new BusinessException($"The portal has no {what} '{choice}' to choose (it offers {string.Join(", ", options.Where(o => o != "--"))}).", code);
        await select.SelectOptionAsync(new SelectOptionValue { Label = match }).ConfigureAwait(false);
    }

    // A field by the restyled label, then the classic one, then the two releases' field names.
    private static Target Field(string label, string classicLabel, string name, string classicName, string element = "input") => Parse(new JsonObject
    {
        ["label"] = label,
        ["fallbacks"] = new JsonArray(
            new JsonObject { ["label"] = classicLabel },
            new JsonObject { ["css"] = $"{element}[name=\"{name}\"]" },
            new JsonObject { ["css"] = $"{element}[name=\"{classicName}\"]" }),
    }.ToJsonString());

    private static Target Parse(string json) => Target.Parse(JsonNode.Parse(json));
}
