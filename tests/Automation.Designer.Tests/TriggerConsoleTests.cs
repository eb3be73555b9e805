using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Documents;
using Automation.Engine.Triggers;
using Automation.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>
/// The operations console's trigger pages: the triggers with their last events and pause/resume, a trigger's events with
/// the instances they started, the schedules with their next runs, and the quarantine with download, discard and
/// reprocess. Triggers come from the test module's <see cref="TestScheduleTrigger"/>; events are made through the
/// server's own <see cref="TriggerStarter"/> and quarantined items through its <see cref="ITriggerStore"/>.
/// </summary>
public sealed class TriggerConsoleTests : DesignerTestBase
{
    private readonly TestQuarantineHandler _handler = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(ActivityRegistry.Create(typeof(ServerComposition).Assembly, typeof(TestScheduleTrigger).Assembly));
        services.AddSingleton<IQuarantineHandler>(_handler);
    }

    private T Service<T>() where T : notnull => Server.Server.App.Services.GetRequiredService<T>();

    [Test]
    public async Task The_triggers_page_shows_a_trigger_with_its_last_error_and_pauses_and_resumes_it()
    {
        var triggerId = await Server.PublishScheduledWorkflowAsync("morning-report", "Morning report", "0 0 7 ? * MON-FRI");
        var registration = (await Service<ITriggerStore>().GetAsync(triggerId))!;
        var starter = Service<TriggerStarter>();
        var firing = await starter.FireAsync(registration, new JsonObject { ["firedAt"] = "2026-12-01T07:00:00Z" }, null, "Fired at 07:00");
        await starter.RecordAsync(registration, TriggerEventKinds.Error, "The report share could not be reached");

        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Triggers" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Triggers", Level = 1 })).ToBeVisibleAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Morning report" });
        await Expect(row).ToContainTextAsync("TestSchedule");
        await Expect(row).ToContainTextAsync("cron: 0 0 7 ? * MON-FRI");
        await Expect(row).ToContainTextAsync("Active");
        // The newest event is the error: named in words, with its message, and when.
        await Expect(row.Locator(".last-event")).ToContainTextAsync("Error");
        await Expect(row.Locator(".last-event")).ToContainTextAsync("The report share could not be reached");
        await Expect(row.Locator(".last-event")).ToContainTextAsync("just now");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Morning report", Exact = true })).ToHaveAttributeAsync("href", "/workflows/morning-report");
        await AssertAccessibleAsync("the triggers page with a trigger whose last event is an error");

        await row.GetByRole(AriaRole.Button, new() { Name = "Pause schedule of Morning report" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Paused");
        await Expect(Page.GetByText("schedule of Morning report is paused.")).ToBeVisibleAsync();
        Assert.That((bool)(await Server.ReadTriggerAsync(triggerId))["paused"]!, Is.True);
        await AssertAccessibleAsync("the triggers page with a paused trigger");

        await row.GetByRole(AriaRole.Button, new() { Name = "Resume schedule of Morning report" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Active");
        Assert.That((bool)(await Server.ReadTriggerAsync(triggerId))["paused"]!, Is.False);

        // The trigger's page lists its events, newest first, each start linking to its instance.
        await row.GetByRole(AriaRole.Link, new() { Name = "schedule of Morning report: details and events" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "schedule of Morning report", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("0 0 7 ? * MON-FRI");
        var events = Page.Locator("tbody tr");
        await Expect(events).ToHaveCountAsync(2);
        await Expect(events.Nth(0)).ToContainTextAsync("Error");
        await Expect(events.Nth(1)).ToContainTextAsync("Started an instance");
        await Expect(events.Nth(1)).ToContainTextAsync("Fired at 07:00");
        await AssertAccessibleAsync("a trigger's page with its events");
        await events.Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/instances/{firing.InstanceId}");
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Finished");
    }

    [Test]
    public async Task A_key_without_the_operator_role_sees_why_it_cannot_pause_a_trigger()
    {
        var triggerId = await Server.PublishScheduledWorkflowAsync("owner-view", "Owner view", "0 0 8 * * ?");
        var key = await Server.CreateKeyAsync("process owner", "processOwner");
        await SignInAsync(key, $"/triggers/{Uri.EscapeDataString(triggerId)}");
        var pause = Page.GetByRole(AriaRole.Button, new() { Name = "Pause schedule of Owner view" });
        await Expect(pause).ToBeDisabledAsync();
        await Expect(pause).ToHaveAccessibleDescriptionAsync("Pausing and resuming needs the operator or admin role.");
        await Expect(Page.GetByText("This trigger has not done anything yet.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("a trigger's page for a key that may not pause it");
    }

    [Test]
    public async Task Run_now_starts_a_schedules_workflow_once_and_links_to_the_instance()
    {
        var triggerId = await Server.PublishScheduledWorkflowAsync("month-end-report", "Month-end report", "0 0 6 L * ?", type: "Schedule");
        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Month-end report" });
        await Expect(row).ToContainTextAsync("At 06:00, on the last day of the month");

        await row.GetByRole(AriaRole.Button, new() { Name = "Run now: the schedule of Month-end report" }).ClickAsync();

        await Expect(row.GetByRole(AriaRole.Status)).ToContainTextAsync("Started.");
        var link = row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Instance ") });
        var href = await link.GetAttributeAsync("href");
        using var client = Server.Client();
        var listed = await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?definitionId=month-end-report");
        var items = listed!["items"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(1), "run now starts the workflow once");
        Assert.That(href, Is.EqualTo($"/instances/{items[0]!["id"]}"), "the link goes to the instance it started");
        var events = await client.GetFromJsonAsync<JsonArray>($"/api/triggers/{Uri.EscapeDataString(triggerId)}/events");
        Assert.That(events!.Select(e => (string?)e!["instanceId"]), Does.Contain((string)items[0]!["id"]!), "the trigger's events record the run");
        await AssertAccessibleAsync("the schedules page after a run now");
    }

    [Test]
    public async Task An_interval_schedule_shows_the_next_runs_the_server_works_out()
    {
        var triggerId = await Server.PublishScheduledWorkflowAsync("hourly-sync", "Hourly sync", cron: null, type: "Schedule", interval: "01:00:00");
        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hourly sync" });
        await Expect(row).ToContainTextAsync("Every 1 hour");
        var runs = row.GetByRole(AriaRole.List, new() { Name = "Next runs" }).Locator("li");
        await Expect(runs).ToHaveCountAsync(3);

        // The series is anchored where the server started it, so the page can only have its times from the server:
        // three runs an hour apart, the first within the coming hour.
        var shown = new List<DateTimeOffset>();
        foreach (var run in await runs.AllAsync())
            shown.Add(DateTimeOffset.Parse((await run.Locator("time").GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(shown[1] - shown[0], Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(shown[2] - shown[1], Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(shown[0], Is.GreaterThan(DateTimeOffset.UtcNow.AddSeconds(-5)).And.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddHours(1)));
        Assert.That((bool)(await Server.ReadTriggerAsync(triggerId))["paused"]!, Is.False);
        await AssertAccessibleAsync("the schedules page with an interval schedule");
    }

    [Test]
    public async Task The_schedules_page_shows_a_schedule_in_words_with_its_next_runs_and_pauses_it()
    {
        var triggerId = await Server.PublishScheduledWorkflowAsync("weekday-digest", "Weekday digest", "0 30 7 ? * MON-FRI", "Europe/London");
        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Weekday digest" });
        await Expect(row).ToContainTextAsync("At 07:30, Monday through Friday");
        await Expect(row).ToContainTextAsync("Time zone: Europe/London");
        var runs = row.GetByRole(AriaRole.List, new() { Name = "Next runs" }).Locator("li");
        await Expect(runs).ToHaveCountAsync(3);
        foreach (var run in await runs.AllAsync())
        {
            await Expect(run).ToContainTextAsync("at 07:30");
            await Expect(run).Not.ToContainTextAsync("Saturday");
            await Expect(run).Not.ToContainTextAsync("Sunday");
        }
        // The page's times are the server's: the first one is the server's next fire time.
        using var client = Server.Client();
        var preview = await client.GetFromJsonAsync<JsonObject>("/api/cron/next-fire-times?expression=0%2030%207%20%3F%20*%20MON-FRI&timeZone=Europe/London&count=1");
        var first = DateTimeOffset.Parse((string)preview!["nextFireTimes"]![0]!, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(runs.First.Locator("time")).ToHaveAttributeAsync("datetime", (string)preview["nextFireTimes"]![0]!);
        await Expect(runs.First).ToContainTextAsync(first.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Run now: the schedule of Weekday digest" })).ToBeEnabledAsync();
        await AssertAccessibleAsync("the schedules page with a weekday schedule");

        await row.GetByRole(AriaRole.Button, new() { Name = "Pause the schedule of Weekday digest" }).ClickAsync();
        await Expect(row).ToContainTextAsync("None while paused");
        var runNow = row.GetByRole(AriaRole.Button, new() { Name = "Run now: the schedule of Weekday digest" });
        await Expect(runNow).ToBeDisabledAsync();
        await Expect(runNow).ToHaveAccessibleDescriptionAsync("Resume the schedule to run it.");
        Assert.That((bool)(await Server.ReadTriggerAsync(triggerId))["paused"]!, Is.True);
        await AssertAccessibleAsync("the schedules page with a paused schedule");

        await row.GetByRole(AriaRole.Button, new() { Name = "Resume the schedule of Weekday digest" }).ClickAsync();
        await Expect(runs).ToHaveCountAsync(3);
        Assert.That((bool)(await Server.ReadTriggerAsync(triggerId))["paused"]!, Is.False);
    }

    [Test]
    public async Task The_quarantine_lists_inputs_downloads_one_and_discards_and_reprocesses_them()
    {
        var store = Service<ITriggerStore>();
        var raw = Encoding.UTF8.GetBytes("From: supplier@example.org\r\nSubject: Invoice 4411\r\n\r\n(broken MIME)");
        var document = await Service<IDocumentStore>().SaveAsync("invoice-4411.eml", "message/rfc822", raw, id: "quarantine-doc-1");
        var earlier = DateTimeOffset.UtcNow.AddMinutes(-5);
        QuarantinedItem Item(string id, string source, string summary, string reason, string? documentId = null) => new()
        {
            Id = id, TriggerId = "invoices:mailbox", Source = source, Reference = $"Quarantine/{id}", Summary = summary,
            Reason = reason, DocumentId = documentId, QuarantinedAt = earlier,
        };
        await store.AddQuarantinedAsync(Item("q-invoice", TestQuarantineHandler.TestSource, "supplier@example.org: Invoice 4411", "The MIME structure is broken.", document.Id));
        await store.AddQuarantinedAsync(Item("q-spam", TestQuarantineHandler.TestSource, "promo@example.com: You have won", "The message has no text body."));
        await store.AddQuarantinedAsync(Item("q-orphan", "unknown-source", "scan-0007.pdf", "The PDF could not be read."));

        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Quarantine" }).ClickAsync();
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(3);
        var invoice = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Invoice 4411" });
        await Expect(invoice).ToContainTextAsync("The MIME structure is broken.");
        await Expect(invoice).ToContainTextAsync("5 minutes ago");
        await Expect(invoice).ToContainTextAsync("Waiting for a decision");
        await AssertAccessibleAsync("the quarantine with three inputs");

        // The raw input is fetched with the API key and saved under its own name.
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            invoice.GetByRole(AriaRole.Button, new() { Name = "Download raw input: “supplier@example.org: Invoice 4411”" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo("invoice-4411.eml"));
        Assert.That(await File.ReadAllBytesAsync((await download.PathAsync())!), Is.EqualTo(raw));

        // Discard asks first; the answer changes the item's status.
        var spam = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "You have won" });
        await spam.GetByRole(AriaRole.Button, new() { Name = "Discard “promo@example.com: You have won”" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Discard this input?" });
        await Expect(dialog).ToContainTextAsync("promo@example.com: You have won");
        await AssertAccessibleAsync("the question before discarding");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, discard it" }).ClickAsync();
        await Expect(Page.GetByText("“promo@example.com: You have won” was discarded.")).ToBeVisibleAsync();
        await Expect(spam).ToContainTextAsync("Discarded");
        await Expect(spam).ToContainTextAsync("by ");
        Assert.That((await store.GetQuarantinedAsync("q-spam"))!.Status, Is.EqualTo(QuarantineStatuses.Discarded));

        // Reprocess hands the item to its source's handler.
        await invoice.GetByRole(AriaRole.Button, new() { Name = "Reprocess “supplier@example.org: Invoice 4411”" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes, reprocess it" }).ClickAsync();
        await Expect(invoice).ToContainTextAsync("Reprocessed");
        Assert.That(_handler.Reprocessed, Does.Contain("q-invoice"));
        Assert.That((await store.GetQuarantinedAsync("q-invoice"))!.Status, Is.EqualTo(QuarantineStatuses.Reprocessed));

        // An input no handler serves: the server's reason is shown, and the item stays where it was.
        ExpectedConsoleErrors.Add("409");
        var orphan = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "scan-0007.pdf" });
        await orphan.GetByRole(AriaRole.Button, new() { Name = "Reprocess “scan-0007.pdf”" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes, reprocess it" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("“scan-0007.pdf” could not be reprocessed: This server cannot reprocess 'unknown-source' inputs");
        await Expect(orphan).ToContainTextAsync("Waiting for a decision");
        Assert.That((await store.GetQuarantinedAsync("q-orphan"))!.Status, Is.EqualTo(QuarantineStatuses.Quarantined));
        await AssertAccessibleAsync("the quarantine after a refused reprocess");

        // The status filter, kept in the address.
        await Page.GetByLabel("Show").SelectOptionAsync("discarded");
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/quarantine?status=discarded");
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("tbody tr")).ToContainTextAsync("You have won");
        await Expect(Page.Locator("tbody tr").GetByRole(AriaRole.Button, new() { Name = "Discard “promo@example.com: You have won”" })).ToHaveCountAsync(0);
        await Page.GetByLabel("Show").SelectOptionAsync("quarantined");
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("tbody tr")).ToContainTextAsync("scan-0007.pdf");
        await AssertAccessibleAsync("the quarantine filtered");
    }
}
