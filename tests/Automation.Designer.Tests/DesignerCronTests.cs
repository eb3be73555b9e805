using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Automation.Engine.Activities.Framework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>A cron setting shows what it means in words and when it will next run in UK time, as the server works it out.</summary>
public sealed class DesignerCronTests : DesignerTestBase
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(ActivityRegistry.Create(typeof(NightlyReport).Assembly));

    [Test]
    public async Task A_cron_schedule_is_described_in_words_with_its_next_runs_and_a_malformed_one_says_why()
    {
        await Server.CreateDefinitionAsync(new JsonObject
        {
            ["id"] = "nightly", ["name"] = "Nightly report",
            ["activities"] = new JsonArray
            {
                new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = new JsonObject { ["x"] = 100, ["y"] = 40 } },
                new JsonObject { ["id"] = "report", ["type"] = "NightlyReport", ["position"] = new JsonObject { ["x"] = 100, ["y"] = 200 } },
            },
            ["connections"] = new JsonArray { new JsonObject { ["from"] = "start", ["outcome"] = "Done", ["to"] = "report" } },
        });
        await SignInAsync(path: "/workflows/nightly");
        await Page.Node("report").ClickAsync();

        var cron = Page.Locator("#field-report-inputs_schedule");
        await cron.FillAsync("0 30 7 ? * MON-FRI");
        var hint = Page.Locator("#field-report-inputs_schedule-words");
        await Expect(hint).ToContainTextAsync("Runs: At 07:30, Monday through Friday.");
        await Expect(hint.Locator("li")).ToHaveCountAsync(3);
        await Expect(hint.Locator("li").First).ToContainTextAsync("at 07:30");
        await Expect(cron).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("a cron schedule with its next runs");

        ExpectedConsoleErrors.Add("400");
        await cron.FillAsync("every monday");
        await Expect(hint).ToContainTextAsync("'every monday' is not a valid cron expression");
        await Expect(cron).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("a malformed cron schedule");
    }
}
