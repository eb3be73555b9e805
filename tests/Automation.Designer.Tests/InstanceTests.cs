using System.Text.RegularExpressions;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The operations console's instance list and instance view, driven as an operator would.</summary>
public sealed class InstanceTests : DesignerTestBase
{
    private ILocator Rows => Page.Locator("main table tbody tr");

    /// <summary>Journal rows for a step and an event (the path is asserted through the journal, which any chart agrees with).</summary>
    private ILocator JournalRow(string step, string kind) =>
        Page.Locator(".journal-table tbody tr").Filter(new() { HasText = step }).Filter(new() { HasText = kind });

    private async Task FilterAsync(string? workflow = null, string? status = null)
    {
        if (workflow is not null) await Page.GetByLabel("Workflow").SelectOptionAsync(new SelectOptionValue { Value = workflow });
        if (status is not null) await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = status });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show instances" }).ClickAsync();
    }

    [Test]
    public async Task The_instance_list_filters_by_workflow_and_status_keeps_the_filters_in_the_address_and_pages()
    {
        var greeting = await Server.PublishAsync(InstanceTestData.Greeting(InstanceTestData.NewId("greet")));
        var waiting = await Server.PublishAsync(InstanceTestData.SignalWait(InstanceTestData.NewId("wait")));
        for (var i = 0; i < 27; i++) await Server.StartAsync(greeting, correlationId: $"CASE-{i:00}");
        await Server.StartAsync(waiting, correlationId: "WAITING-1");

        await SignInAsync(path: "/instances");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Instances", Exact = true })).ToBeVisibleAsync();
        await Expect(Rows.First).ToBeVisibleAsync();
        await AssertAccessibleAsync("the instance list");
        await Page.SaveScreenshotAsync("instances");

        await FilterAsync(workflow: greeting);
        await Expect(Page).ToHaveURLAsync(new Regex($"workflow={greeting}"));
        await Expect(Rows).ToHaveCountAsync(25);
        await Expect(Rows.First).ToContainTextAsync("CASE-26");
        await Expect(Rows.First).ToContainTextAsync("Finished");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(Page.GetByText("Page 2", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Rows).ToHaveCountAsync(2);
        await Expect(Rows.Last).ToContainTextAsync("CASE-00");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await AssertAccessibleAsync("the second page of the instance list");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(Page.GetByText("Page 1", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Rows.First).ToContainTextAsync("CASE-26");

        await FilterAsync(workflow: waiting, status: "Waiting");
        await Expect(Page).ToHaveURLAsync(new Regex("status=suspended"));
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows.First).ToContainTextAsync("WAITING-1");
        await Expect(Rows.First).ToContainTextAsync("Waiting");

        // A reload (or a shared link) shows the same filters and list.
        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("Status")).ToHaveValueAsync("suspended");
        await Expect(Page.GetByLabel("Workflow")).ToHaveValueAsync(waiting);
        await Expect(Rows).ToHaveCountAsync(1);

        await FilterAsync(workflow: greeting, status: "Faulted");
        await Expect(Page.GetByText("No instances match these filters")).ToBeVisibleAsync();
        await AssertAccessibleAsync("the instance list with no matches");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/instances$"));
        await Expect(Rows).ToHaveCountAsync(25);
    }

    [Test]
    public async Task The_instance_list_filters_by_the_day_it_started()
    {
        var id = await Server.PublishAsync(InstanceTestData.Greeting(InstanceTestData.NewId("dated")));
        await Server.StartAsync(id, correlationId: "TODAY-1");
        var today = DateTime.Now.ToString("yyyy-MM-dd");
        var yesterday = DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd");

        await SignInAsync(path: $"/instances?workflow={id}&to={yesterday}");
        await Expect(Page.GetByText("No instances match these filters")).ToBeVisibleAsync();
        await Page.GetByLabel("Started on or before").FillAsync(today);
        await Page.GetByLabel("Started on or after").FillAsync(today);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show instances" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"from={today}"));
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows.First).ToContainTextAsync("TODAY-1");

        // A range that ends before it starts is refused on the page, with the reason on the field.
        await Page.GetByLabel("Started on or before").FillAsync(yesterday);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show instances" }).ClickAsync();
        await Expect(Page.GetByLabel("Started on or before")).ToHaveAccessibleDescriptionAsync("This date is before the \"on or after\" date.");
        await AssertAccessibleAsync("the instance list with a wrong date range");
    }

    [Test]
    public async Task A_faulted_instance_shows_its_incident_and_retry_finishes_it()
    {
        var flag = InstanceTestData.NewId("flag");
        var id = await Server.PublishAsync(InstanceTestData.Recoverable(InstanceTestData.NewId("recover"), Server.BaseUrl, flag));
        var instance = await Server.StartAsync(id, correlationId: "INV-7");
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("faulted"), instance.ToJsonString());

        await SignInAsync(path: "/instances?status=faulted");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Open instance {instance["id"]!.GetValue<string>()[^8..]}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Instance of Recoverable {id}" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Why it stopped:")).ToBeVisibleAsync();
        var incidents = Page.Locator("table", new() { Has = Page.GetByRole(AriaRole.Columnheader, new() { Name = "What went wrong" }) });
        await Expect(incidents).ToContainTextAsync("Check the case system");
        await Expect(incidents).ToContainTextAsync("404");
        await Expect(incidents).ToContainTextAsync("No");
        await Expect(Page.Locator(".journal-table")).ToContainTextAsync("Step failed");
        await AssertAccessibleAsync("a faulted instance");
        await Page.SaveScreenshotAsync("instance-faulted", fullPage: true);

        // Fix the cause (the definition the step asks for now exists), then retry.
        await Server.PublishAsync(InstanceTestData.Greeting(flag));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(Page.GetByText("The instance was retried.")).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Finished");
        await Expect(incidents).ToContainTextAsync("Yes, retried");
        await Expect(Page.Locator(".journal-table")).ToContainTextAsync("Instance retried");
        await Expect(Page.Locator(".journal-table")).ToContainTextAsync("Instance finished");
        await Expect(Page.GetByText("This instance has ended")).ToBeVisibleAsync();
        await AssertAccessibleAsync("a retried instance");
    }

    [Test]
    public async Task Cancel_asks_for_confirmation_first()
    {
        var id = await Server.PublishAsync(InstanceTestData.SignalWait(InstanceTestData.NewId("cancel")));
        var instance = await Server.StartAsync(id);
        await SignInAsync(path: $"/instances/{instance["id"]}");
        await Expect(Page.GetByText("Wait for the documents: waiting for the signal")).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Waiting");
        await Expect(JournalRow("Wait for the documents", "Started waiting")).ToHaveCountAsync(1);
        await AssertAccessibleAsync("a waiting instance");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel instance" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this instance?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "No, keep it" })).ToBeFocusedAsync();
        await AssertAccessibleAsync("the cancel confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "No, keep it" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.That((await Server.InstanceAsync(instance["id"]!.GetValue<string>()))["status"]!.GetValue<string>(), Is.EqualTo("suspended"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel instance" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel the instance" }).ClickAsync();
        await Expect(Page.GetByText("The instance was cancelled.")).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Cancelled");
        await Expect(Page.Locator(".journal-table")).ToContainTextAsync("Instance cancelled");
        Assert.That((await Server.InstanceAsync(instance["id"]!.GetValue<string>()))["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task A_key_whose_roles_may_not_retry_or_cancel_sees_why()
    {
        var id = await Server.PublishAsync(InstanceTestData.Recoverable(InstanceTestData.NewId("botview"), Server.BaseUrl, InstanceTestData.NewId("never")));
        var instance = await Server.StartAsync(id);
        var bot = await Server.CreateKeyAsync("Scanner " + id, "bot");
        await SignInAsync(bot, $"/instances/{instance["id"]}");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeDisabledAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToHaveAccessibleDescriptionAsync("Retrying needs the operator or admin role.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel instance" })).ToBeDisabledAsync();
        await AssertAccessibleAsync("a faulted instance seen by a bot key");
    }

    [Test]
    public async Task A_parent_waiting_on_a_child_workflow_links_to_the_child_and_the_child_links_back()
    {
        var child = await Server.PublishAsync(InstanceTestData.Approval(InstanceTestData.NewId("child"), "Check the address"));
        var parent = await Server.PublishAsync(InstanceTestData.RunChild(InstanceTestData.NewId("parent"), child));
        var parentId = (await Server.StartAsync(parent, correlationId: "ADDR-7"))["id"]!.GetValue<string>();
        var wait = (await Server.InstanceAsync(parentId))["bookmarks"]!.AsArray().Single()!;
        Assert.That(wait["kind"]!.GetValue<string>(), Is.EqualTo("ChildWorkflow"));
        var childId = wait["name"]!.GetValue<string>();
        // The child starts beside its parent's commit: wait for it to reach its task before looking.
        for (var i = 0; i < 300 && (await Server.InstanceAsync(childId))["status"]!.GetValue<string>() != "suspended"; i++) await Task.Delay(100);

        await SignInAsync(path: $"/instances/{parentId}");
        var waits = Page.Locator(".wait-list");
        await Expect(waits).ToContainTextAsync($"Check the address: waiting for the workflow “Approval {child}” it started");
        // A child id is its parent's id and the step that started it: the link shows its end, not the parent's digits.
        var toChild = waits.GetByRole(AriaRole.Link, new() { Name = $"instance …{childId[^12..]}", Exact = true });
        await Expect(toChild).ToHaveAttributeAsync("href", $"/instances/{childId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Instances it started" })).ToBeVisibleAsync();
        var started = Page.GetByRole(AriaRole.Table, new() { Name = "Instances this instance started, oldest first" }).GetByRole(AriaRole.Row);
        await Expect(started).ToHaveCountAsync(2);
        await Expect(started.Nth(1)).ToContainTextAsync($"Approval {child}");
        await Expect(started.Nth(1)).ToContainTextAsync("Waiting");
        await AssertAccessibleAsync("an instance waiting on a child workflow");

        await toChild.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/instances/{Regex.Escape(childId)}$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Instance of Approval {child}" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".wait-list")).ToContainTextAsync("waiting for a person to complete the task Check the address");
        var toParent = Page.GetByRole(AriaRole.Link, new() { Name = $"instance {parentId[^8..]}", Exact = true });
        await Expect(toParent).ToHaveAttributeAsync("href", $"/instances/{parentId}");
        await toParent.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/instances/{parentId}$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Instance of Parent {parent}" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task An_unknown_instance_says_so()
    {
        ExpectedConsoleErrors.Add("404");
        await SignInAsync(path: "/instances/0123456789abcdef0123456789abcdef");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is no instance with this id");
        await AssertAccessibleAsync("an unknown instance");
    }
}
