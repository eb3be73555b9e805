using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The task inbox and task view: a person finds a task for their role, claims it, completes its form, or hands it on.</summary>
public sealed class TaskTests : DesignerTestBase
{
    private ILocator Rows => Page.Locator("main table tbody tr");

    [Test]
    public async Task A_task_for_my_role_is_claimed_and_completed_through_its_form_and_the_instance_finishes()
    {
        ExpectedConsoleErrors.Add("400"); // the refused completion, provoked on purpose
        var title = "Approve the skip permit " + Guid.NewGuid().ToString("N")[..6];
        var id = await Server.PublishAsync(InstanceTestData.Approval(InstanceTestData.NewId("approve"), title));
        var instance = await Server.StartAsync(id);
        var instanceId = instance["id"]!.GetValue<string>();
        var key = await Server.CreateKeyAsync("Olive " + id, "operator");

        await SignInAsync(key, "/tasks");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Open for me" })).ToHaveAttributeAsync("aria-current", "page");
        var row = Rows.Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("the operator role");
        await AssertAccessibleAsync("the task inbox");
        await Page.SaveScreenshotAsync("task-inbox");

        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Check the request and say whether it may go ahead.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = $"Instance {instanceId[^8..]}" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Normal" })).ToBeCheckedAsync();
        await AssertAccessibleAsync("an open task");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Claim task" }).ClickAsync();
        await Expect(Page.GetByText("You claimed the task.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Claimed by you")).ToBeVisibleAsync();

        // The comment is required: the server refuses, and its message appears on the field.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var comment = Page.GetByLabel("Comment");
        await Expect(comment).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(comment).ToHaveAccessibleDescriptionAsync(new Regex("required", RegexOptions.IgnoreCase));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "The task could not be completed" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("a task form with an error from the server");
        await Page.SaveScreenshotAsync("task-form-error", fullPage: true);

        await comment.FillAsync("Fine by me");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "High" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/tasks$"));
        await Expect(Page.GetByText($"The task “{title}” was completed.")).ToBeVisibleAsync();
        await Expect(Rows.Filter(new() { HasText = title })).ToHaveCountAsync(0);

        await Page.GotoAsync($"/instances/{instanceId}");
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Finished");
        var approved = Page.Locator(".journal-table tbody tr").Filter(new() { HasText = "Ask for approval" }).Filter(new() { HasText = "Step completed" });
        await Expect(approved).ToContainTextAsync("Approve");
        await Expect(Page.Locator(".journal-table tbody tr").Filter(new() { HasText = "Record approval" }).Filter(new() { HasText = "Step completed" })).ToHaveCountAsync(1);
        await Expect(Page.Locator(".journal-table tbody tr").Filter(new() { HasText = "Record rejection" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("the finished instance");

        var task = await Server.TaskOfAsync(instanceId);
        var data = task["result"]!["data"]!;
        Assert.That((data["comment"]!.GetValue<string>(), data["priority"]!.GetValue<string>()), Is.EqualTo(("Fine by me", "High")));
        Assert.That(data["urgent"], Is.Null, "an untouched check box is left out rather than sent as false");
    }

    [Test]
    public async Task A_task_is_reassigned_to_a_named_person_who_then_finds_it_overdue_in_their_inbox()
    {
        var title = "Check the invoice " + Guid.NewGuid().ToString("N")[..6];
        var id = await Server.PublishAsync(InstanceTestData.Approval(InstanceTestData.NewId("reassign"), title, dueAt: "2020-01-01T09:00:00Z"));
        var instance = await Server.StartAsync(id);
        var task = await Server.TaskOfAsync(instance["id"]!.GetValue<string>());
        var olive = await Server.CreateKeyAsync("Olive " + id, "operator");
        var bea = "Bea " + id;
        var beaKey = await Server.CreateKeyAsync(bea, "processOwner");

        await SignInAsync(olive, $"/tasks/{task["id"]}");
        await Expect(Page.GetByText("Overdue: 1 Jan 2020")).ToBeVisibleAsync();
        await Page.GetByLabel("Give the task to").FillAsync(bea);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
        await Expect(Page.GetByText($"The task was given to {bea}.")).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync(bea);
        // Olive holds the operator role but the task is now Bea's: the page says so instead of offering what would fail.
        await Expect(Page.GetByText($"This task is assigned to {bea}.").First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();
        await AssertAccessibleAsync("a task assigned to someone else");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(beaKey, "/tasks");
        var row = Rows.Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync(bea);
        await Expect(row).ToContainTextAsync("Overdue: 1 Jan 2020");
        await AssertAccessibleAsync("an inbox with an overdue task");

        await Page.GetByRole(AriaRole.Link, new() { Name = "All open" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("view=open"));
        await Expect(Rows.Filter(new() { HasText = title })).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Every_kind_of_form_field_is_rendered_labelled_and_its_values_are_accepted_by_the_server()
    {
        ExpectedConsoleErrors.Add("400"); // the bad e-mail address, refused on purpose
        JsonObject Prop(string type, string title, params (string Key, JsonNode? Value)[] more)
        {
            var p = new JsonObject { ["type"] = type, ["title"] = title };
            foreach (var (key, value) in more) p[key] = value;
            return p;
        }
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("applicant"),
            ["properties"] = new JsonObject
            {
                ["applicant"] = Prop("string", "Applicant name", ("minLength", 2), ("description", "As on the application.")),
                ["email"] = Prop("string", "Email address", ("format", "email")),
                ["visitDate"] = Prop("string", "Visit date", ("format", "date")),
                ["callbackAt"] = Prop("string", "Call back at", ("format", "date-time")),
                ["notes"] = Prop("string", "Notes", ("maxLength", 1000)),
                ["bins"] = Prop("integer", "Number of bins", ("minimum", 1), ("maximum", 6)),
                ["fee"] = Prop("number", "Fee paid"),
                ["area"] = Prop("string", "Area", ("enum", new JsonArray("North", "South", "East", "West", "Centre", "Rural"))),
                ["services"] = new JsonObject
                {
                    ["type"] = "array", ["title"] = "Services",
                    ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Garden waste", "Recycling", "Bulky items") },
                },
                ["confirmed"] = Prop("boolean", "Identity checked"),
            },
        };
        var title = "Record the visit " + Guid.NewGuid().ToString("N")[..6];
        var id = await Server.PublishAsync(InstanceTestData.FormTask(InstanceTestData.NewId("form"), title, schema));
        var instance = await Server.StartAsync(id);
        var task = await Server.TaskOfAsync(instance["id"]!.GetValue<string>());

        await SignInAsync(path: $"/tasks/{task["id"]}");
        await Expect(Page.GetByLabel("Applicant name (required)")).ToHaveAccessibleDescriptionAsync(new Regex("As on the application"));
        await Expect(Page.GetByLabel("Notes")).ToHaveJSPropertyAsync("tagName", "TEXTAREA");
        await Expect(Page.GetByLabel("Number of bins")).ToHaveAccessibleDescriptionAsync("A whole number from 1 to 6.");
        await Expect(Page.GetByRole(AriaRole.Combobox, new() { Name = "Area" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Services" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("a task form with every kind of field");

        await Page.GetByLabel("Applicant name").FillAsync("Ada Lovelace");
        await Page.GetByLabel("Email address").FillAsync("not-an-address");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Expect(Page.GetByLabel("Email address")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("a task form with a server error on the e-mail field");

        await Page.GetByLabel("Email address").FillAsync("ada@example.gov.uk");
        await Page.GetByLabel("Visit date").FillAsync("2026-12-01");
        await Page.GetByLabel("Call back at").FillAsync("2026-12-02T10:30");
        await Page.GetByLabel("Notes").FillAsync("Two bins by the gate.");
        await Page.GetByLabel("Number of bins").FillAsync("3");
        await Page.GetByLabel("Fee paid").FillAsync("12.5");
        await Page.GetByLabel("Area").SelectOptionAsync("Rural");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Recycling" }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Garden waste" }).CheckAsync();
        await Page.GetByLabel("Identity checked").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Expect(Page.GetByText($"The task “{title}” was completed.")).ToBeVisibleAsync();

        var data = (await Server.TaskOfAsync(instance["id"]!.GetValue<string>()))["result"]!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["applicant"]!.GetValue<string>(), Is.EqualTo("Ada Lovelace"));
            Assert.That(data["visitDate"]!.GetValue<string>(), Is.EqualTo("2026-12-01"));
            // 10:30 on the page's clock (Europe/London, GMT in December) is 10:30 UTC.
            Assert.That(data["callbackAt"]!.GetValue<string>(), Is.EqualTo("2026-12-02T10:30:00.000Z"));
            Assert.That(data["bins"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(data["fee"]!.GetValue<double>(), Is.EqualTo(12.5));
            Assert.That(data["area"]!.GetValue<string>(), Is.EqualTo("Rural"));
            Assert.That(data["services"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "Garden waste", "Recycling" }));
            Assert.That(data["confirmed"]!.GetValue<bool>(), Is.True);
        });
    }
}
