using System.Text.RegularExpressions;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The dashboard at /dashboard, on a server of its own so that the counts are only this test's instances.</summary>
public sealed class DashboardTests : DesignerTestBase
{
    [Test]
    public async Task The_dashboard_counts_the_instances_started_through_the_api_and_links_each_incident()
    {
        using var api = Server.Client();
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging("greet", "Greet", "Hello"));
        await WorkflowArrange.PublishAsync(api, "greet");
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Failing("fail", "Fail"));
        await WorkflowArrange.PublishAsync(api, "fail");
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Approval("approve", "Approve"));
        await WorkflowArrange.PublishAsync(api, "approve");
        for (var i = 0; i < 3; i++) await WorkflowArrange.StartAsync(api, "greet");
        var faulted = await WorkflowArrange.StartAsync(api, "fail");
        Assert.That(faulted["status"]!.GetValue<string>(), Is.EqualTo("faulted"));
        await WorkflowArrange.StartAsync(api, "approve");

        await SignInAsync(path: "/dashboard");
        var totals = Page.GetByRole(AriaRole.Region, new() { Name = "Last 14 days" });
        await Expect(totals).ToContainTextAsync("Started5");
        await Expect(totals).ToContainTextAsync("Finished3");
        await Expect(totals).ToContainTextAsync("Faulted1");
        var now = Page.GetByRole(AriaRole.Region, new() { Name = "Right now" });
        await Expect(now).ToContainTextAsync("Waiting1");
        await Expect(now).ToContainTextAsync("Open incidents1");
        await Expect(now).ToContainTextAsync("Open tasks1");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Instances started, finished and faulted per day" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("the dashboard with its chart");
        await Page.SaveScreenshotAsync("dashboard");

        var faultedId = faulted["id"]!.GetValue<string>();
        var incidents = Page.GetByRole(AriaRole.Region, new() { Name = "Open incidents" });
        await Expect(incidents).ToContainTextAsync("The council tax system did not answer");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Table" })).ToHaveAttributeAsync("aria-pressed", "true");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Instances per day, newest first" });
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(15);
        await Expect(table.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["5", "3", "1", "0"]);
        await AssertAccessibleAsync("the dashboard with its table");

        await incidents.GetByRole(AriaRole.Link, new() { Name = "Instance " + faultedId[..12] }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/instances/{faultedId}$"));
    }
}
