using System.Text.RegularExpressions;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>
/// The operations console's queue pages: every queue with its counts and numbers, a queue's items with filters, paging
/// and the operator's retry, abandon and delete, adding items, and an item's page with its data, output and history.
/// Queues and items are arranged through the API as operators and bots would; each test uses its own queues.
/// </summary>
public sealed class QueueConsoleTests : DesignerTestBase
{
    private ILocator Rows => Page.Locator("table.queue-items tbody tr");

    private ILocator Row(string text) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>Adds one item, takes it (so it must be the one taken: the queue holds no other new item) and returns its id.</summary>
    private async Task<string> TakenItemAsync(string queue, string reference, object data)
    {
        var id = (await Server.AddItemsAsync(queue, new { reference, data }))[0];
        Assert.That(await Server.TakeAsync(queue), Is.EqualTo(id), "the queue had another new item");
        return id;
    }

    [Test]
    public async Task The_queues_page_shows_each_queue_with_items_by_status_sla_breaches_and_throughput()
    {
        await Server.CreateQueueAsync("supplier-invoices", new { description = "Supplier invoices to key into FIN/2000", maxAttempts = 2, slaMinutes = 60 });
        await Server.CreateQueueAsync("starters", new { description = "New starters to set up in PeopleNet" });
        await Server.CompleteAsync(await TakenItemAsync("supplier-invoices", "INV-100", new { supplier = "ACME Ltd" }), new { documentNumber = "FIN-1" });
        await Server.FailAsync(await TakenItemAsync("supplier-invoices", "INV-101", new { supplier = "Nobody Ltd" }), "business", "Supplier 'Nobody Ltd' does not exist");
        await TakenItemAsync("supplier-invoices", "INV-102", new { supplier = "ACME Ltd" });
        await Server.AddItemsAsync("supplier-invoices",
            new { reference = "INV-103", data = new { supplier = "Brown & Co" } },
            new { reference = "INV-104", deadline = DateTimeOffset.UtcNow.AddHours(-2), data = new { supplier = "Brown & Co" } });

        await SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Queues" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Queues", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page).ToHaveTitleAsync("Queues – Automation");

        // Columns: New, In progress, Successful, Failed, Abandoned, SLA breaches, Finished (24 h), Throughput, Average handling time.
        var invoices = Row("supplier-invoices");
        await Expect(invoices).ToContainTextAsync("Supplier invoices to key into FIN/2000");
        var cells = invoices.Locator("td");
        await Expect(cells.Nth(0)).ToHaveTextAsync("2");
        await Expect(cells.Nth(1)).ToHaveTextAsync("1");
        await Expect(cells.Nth(2)).ToHaveTextAsync("1");
        await Expect(cells.Nth(3)).ToHaveTextAsync("1");
        await Expect(cells.Nth(4)).ToHaveTextAsync("0");
        await Expect(cells.Nth(5)).ToHaveTextAsync("⚠ 1");
        await Expect(cells.Nth(6)).ToHaveTextAsync("2");
        await Expect(cells.Nth(7)).ToHaveTextAsync("0.08 an hour");
        await Expect(cells.Nth(8)).ToHaveTextAsync("under 1 s");
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "SLA breaches" })).ToBeVisibleAsync();

        var starters = Row("starters").Locator("td");
        await Expect(starters.Nth(0)).ToHaveTextAsync("0");
        await Expect(starters.Nth(5)).ToHaveTextAsync("0");
        await Expect(starters.Nth(7)).ToHaveTextAsync("none");
        await Expect(starters.Nth(8)).ToHaveTextAsync("none yet");
        await AssertAccessibleAsync("the queues page");
        await Page.SaveScreenshotAsync("queues");

        await invoices.GetByRole(AriaRole.Link, new() { Name = "supplier-invoices" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/queues/supplier-invoices");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Queue supplier-invoices", Level = 1 })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_queue_page_shows_its_settings_and_numbers_and_filters_and_pages_its_items()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse("""
            {"type":"object","required":["supplier","amount"],"properties":{"supplier":{"type":"string"},"amount":{"type":"number"}}}
            """);
        await Server.CreateQueueAsync("invoice-batch", new { description = "Month-end invoices", maxAttempts = 3, leaseSeconds = 120, slaMinutes = 240, dataSchema = schema });
        await Server.FailAsync(await TakenItemAsync("invoice-batch", "BAD-1", new { supplier = "Nobody Ltd", amount = 5 }), "business", "Supplier 'Nobody Ltd' does not exist", "unknown-supplier");
        await Server.AddItemsAsync("invoice-batch",
            Enumerable.Range(0, 27).Select(i => (object)new { reference = $"REF-{i:00}", data = new { supplier = "ACME Ltd", amount = 10 + i } }).ToArray());

        await SignInAsync(path: "/queues/invoice-batch");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Queue invoice-batch", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Month-end invoices")).ToBeVisibleAsync();
        var settings = Page.Locator(".queue-settings");
        await Expect(settings).ToContainTextAsync("Refused (the whole batch is refused)");
        await Expect(settings).ToContainTextAsync("3 (a system exception is retried)");
        await Expect(settings).ToContainTextAsync("2 min");
        await Expect(settings).ToContainTextAsync("1 day in progress");
        await Expect(settings).ToContainTextAsync("4 h after an item is added");
        await Expect(settings).ToContainTextAsync("supplier (required), amount (required)");
        var stats = Page.Locator(".stat-list").First;
        await Expect(stats.Locator("div").Filter(new() { HasText = "New" })).ToContainTextAsync("27");
        await Expect(stats.Locator("div").Filter(new() { HasText = "Failed" })).ToContainTextAsync("1");
        var reasons = Page.GetByRole(AriaRole.Table, new() { Name = "Failed attempts by kind and code, the last 24 hours" });
        await Expect(reasons.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(reasons.Locator("tbody tr td")).ToHaveTextAsync(new[] { "Business", "unknown-supplier", "1" });

        await Expect(Rows).ToHaveCountAsync(25);
        await AssertAccessibleAsync("a queue's page");
        await Page.SaveScreenshotAsync("queue");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(Page.GetByText("Page 2", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Rows).ToHaveCountAsync(3);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(Rows).ToHaveCountAsync(25);

        // By status: the failed item, with why it failed; the filter is kept in the address.
        await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Failed" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("status=failed"));
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows.First).ToContainTextAsync("BAD-1");
        await Expect(Rows.First).ToContainTextAsync("Failed");
        await Expect(Rows.First).ToContainTextAsync("Business: Supplier 'Nobody Ltd' does not exist");
        await Expect(Rows.First).ToContainTextAsync("(code unknown-supplier)");
        await Expect(Rows.First).ToContainTextAsync("bootstrap-admin");

        // By reference, the whole reference.
        await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Any status" });
        await Page.GetByLabel("Reference").FillAsync("REF-07");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("reference=REF-07"));
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows.First).ToContainTextAsync("REF-07");
        await Expect(Rows.First).ToContainTextAsync("New");

        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("Reference")).ToHaveValueAsync("REF-07");
        await Expect(Rows).ToHaveCountAsync(1);

        await Page.GetByLabel("Reference").FillAsync("REF-99");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page.GetByText("No items match these filters.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("a queue's page with no matching items");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/queues/invoice-batch");
        await Expect(Rows).ToHaveCountAsync(25);
    }

    [Test]
    public async Task Failures_by_reason_link_to_the_filtered_items_and_the_filters_by_failure_reference_and_dates_stay_in_the_address()
    {
        await Server.CreateQueueAsync("clearing", new { maxAttempts = 1 });
        await Server.FailAsync(await TakenItemAsync("clearing", "INV-1", new { supplier = "Nobody Ltd" }), "business", "Supplier 'Nobody Ltd' does not exist", "unknown-supplier");
        await Server.FailAsync(await TakenItemAsync("clearing", "INV-2", new { supplier = "ACME Ltd" }), "business", "PO 7 does not match", "po-mismatch");
        await Server.FailAsync(await TakenItemAsync("clearing", "CN-3", new { supplier = "ACME Ltd" }), "system", "The finance system timed out");
        await Server.AddItemsAsync("clearing", new { reference = "INV-4", data = new { supplier = "ACME Ltd" } });
        // The browser runs in UK time: "today" is the UK's day.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Date;
        string Day(DateTime d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(path: "/queues/clearing");
        var reasons = Page.GetByRole(AriaRole.Table, new() { Name = "Failed attempts by kind and code, the last 24 hours" });
        await Expect(reasons.Locator("tbody tr")).ToHaveCountAsync(3);
        await reasons.GetByRole(AriaRole.Link, new() { Name = "unknown-supplier: list the items that last failed with this code" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/queues/clearing?failureKind=business&failureCode=unknown-supplier");
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows.First).ToContainTextAsync("INV-1");
        await Expect(Page.GetByLabel("Failure", new() { Exact = true })).ToHaveValueAsync("business|unknown-supplier");
        await AssertAccessibleAsync("a queue's items filtered by a failure reason");
        await Page.SaveScreenshotAsync("queue-filtered", fullPage: true);

        // Every business exception: the reason is dropped from the address.
        await Page.GetByLabel("Failure", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Business exceptions" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?failureKind=business$"));
        await Expect(Rows).ToHaveCountAsync(2);
        await Expect(Row("INV-2")).ToContainTextAsync("(code po-mismatch)");

        // A reference's start, ended with *.
        await Page.GetByLabel("Failure", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Any, or none" });
        await Page.GetByLabel("Reference").FillAsync("INV-*");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?referencePrefix=INV-$"));
        await Expect(Rows).ToHaveCountAsync(3);
        await Expect(Page.GetByText("CN-3")).ToHaveCountAsync(0);

        // Dates of the last change, whole days in the user's time zone: nothing changed tomorrow, everything today.
        await Page.GetByLabel("Which date").SelectOptionAsync(new SelectOptionValue { Label = "Last changed" });
        await Page.GetByLabel("On or after").FillAsync(Day(today.AddDays(1)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"updatedFrom={Day(today.AddDays(1))}"));
        await Expect(Page.GetByText("No items match these filters.")).ToBeVisibleAsync();

        await Page.GetByLabel("On or after").FillAsync(Day(today));
        await Page.GetByLabel("On or before").FillAsync(Day(today.AddDays(-1)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page.GetByText("This date is before the \"on or after\" date.")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("On or before")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("the item filters with a date range the wrong way round");
        await Page.GetByLabel("On or before").FillAsync(Day(today));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"referencePrefix=INV-&updatedFrom={Day(today)}&updatedTo={Day(today)}$"));
        await Expect(Rows).ToHaveCountAsync(3);

        // The address reproduces the view.
        await Page.ReloadAsync();
        await Expect(Rows).ToHaveCountAsync(3);
        await Expect(Page.GetByLabel("Reference")).ToHaveValueAsync("INV-*");
        await Expect(Page.GetByLabel("Which date")).ToHaveValueAsync("updated");
        await Expect(Page.GetByLabel("On or after")).ToHaveValueAsync(Day(today));
        await Page.GoBackAsync();
        await Expect(Page.GetByLabel("Reference")).ToHaveValueAsync("INV-*");
        await Expect(Page.GetByLabel("On or after")).ToHaveValueAsync(Day(today.AddDays(1)));
        await Expect(Page.GetByText("No items match these filters.")).ToBeVisibleAsync();
    }

    [Test]
    public async Task An_operator_retries_abandons_and_deletes_items_from_the_queue_page()
    {
        await Server.CreateQueueAsync("leavers", new { maxAttempts = 1 });
        var failed = await TakenItemAsync("leavers", "EMP-001", new { employee = "EMP-001" });
        await Server.FailAsync(failed, "system", "PeopleNet did not answer");
        var waiting = (await Server.AddItemsAsync("leavers", new { reference = "EMP-002", data = new { employee = "EMP-002" } }))[0];
        var key = await Server.CreateKeyAsync("duty operator", "operator");

        await SignInAsync(key, "/queues/leavers");
        var failedRow = Row("EMP-001");
        await Expect(failedRow).ToContainTextAsync("System: PeopleNet did not answer");
        // Only what the status allows is offered: a failed item is retried or deleted, a new one abandoned or deleted.
        await Expect(failedRow.GetByRole(AriaRole.Button, new() { Name = "Abandon EMP-001" })).ToHaveCountAsync(0);
        await Expect(Row("EMP-002").GetByRole(AriaRole.Button, new() { Name = "Retry EMP-002" })).ToHaveCountAsync(0);

        await failedRow.GetByRole(AriaRole.Button, new() { Name = "Retry EMP-001" }).ClickAsync();
        await Expect(Page.GetByText("EMP-001 was retried: it is new again, with fresh attempts.")).ToBeVisibleAsync();
        await Expect(Row("EMP-001")).ToContainTextAsync("New");
        var retried = await Server.ReadItemAsync(failed);
        Assert.That((string)retried["status"]!, Is.EqualTo("new"));

        // Abandon asks first; "No" leaves the item as it was.
        // With the keyboard: Enter on Abandon asks, the safe answer has the focus, Escape leaves the item as it was.
        await Row("EMP-002").GetByRole(AriaRole.Button, new() { Name = "Abandon EMP-002" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Abandon this item?" });
        await Expect(dialog).ToContainTextAsync("EMP-002");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "No, leave it" })).ToBeFocusedAsync();
        await AssertAccessibleAsync("the question before abandoning an item");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row("EMP-002").GetByRole(AriaRole.Button, new() { Name = "Abandon EMP-002" })).ToBeFocusedAsync();
        Assert.That((string)(await Server.ReadItemAsync(waiting))["status"]!, Is.EqualTo("new"));
        await Row("EMP-002").GetByRole(AriaRole.Button, new() { Name = "Abandon EMP-002" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, abandon it" }).ClickAsync();
        await Expect(Page.GetByText("EMP-002 was abandoned.")).ToBeVisibleAsync();
        await Expect(Row("EMP-002")).ToContainTextAsync("Abandoned");
        Assert.That((string)(await Server.ReadItemAsync(waiting))["status"]!, Is.EqualTo("abandoned"));

        await Row("EMP-002").GetByRole(AriaRole.Button, new() { Name = "Delete EMP-002" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this item?" }).GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
        await Expect(Page.GetByText("EMP-002 was deleted.")).ToBeVisibleAsync();
        await Expect(Row("EMP-002")).ToContainTextAsync("Deleted");
        await Expect(Row("EMP-002").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.That((string)(await Server.ReadItemAsync(waiting))["status"]!, Is.EqualTo("deleted"));
        await AssertAccessibleAsync("a queue's page after the operator's actions");
    }

    [Test]
    public async Task A_key_without_the_operator_role_sees_why_it_cannot_act_on_items_and_cannot_add_them()
    {
        await Server.CreateQueueAsync("owner-view", new { });
        await Server.FailAsync(await TakenItemAsync("owner-view", "CASE-1", new { }), "business", "Bad data");
        var key = await Server.CreateKeyAsync("process owner", "processOwner");

        await SignInAsync(key, "/queues/owner-view");
        var retry = Row("CASE-1").GetByRole(AriaRole.Button, new() { Name = "Retry CASE-1" });
        await Expect(retry).ToBeDisabledAsync();
        await Expect(retry).ToHaveAccessibleDescriptionAsync("Retrying, abandoning and deleting items need the operator or admin role.");
        await Expect(Row("CASE-1").GetByRole(AriaRole.Button, new() { Name = "Delete CASE-1" })).ToBeDisabledAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add items" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("a queue's page for a key that may not act on items");

        await Row("CASE-1").GetByRole(AriaRole.Link, new() { Name = "CASE-1: details and history" }).ClickAsync();
        var itemRetry = Page.GetByRole(AriaRole.Button, new() { Name = "Retry CASE-1" });
        await Expect(itemRetry).ToBeDisabledAsync();
        await Expect(itemRetry).ToHaveAccessibleDescriptionAsync("Retrying, abandoning and deleting items need the operator or admin role.");
    }

    [Test]
    public async Task The_item_page_shows_data_output_failure_and_history_oldest_first_and_retries_it()
    {
        await Server.CreateQueueAsync("ap-invoices", new { maxAttempts = 2 });
        var done = await TakenItemAsync("ap-invoices", "INV-7001", new { supplier = "ACME Ltd", amount = 120.5 });
        await Server.CompleteAsync(done, new { documentNumber = "FIN-000042" });
        var item = await TakenItemAsync("ap-invoices", "INV-7002", new { supplier = "Nobody Ltd", amount = 80 });
        await Server.FailAsync(item, "system", "The finance system timed out");
        Assert.That(await Server.TakeAsync("ap-invoices"), Is.EqualTo(item), "a system exception is retried");
        await Server.FailAsync(item, "business", "Supplier 'Nobody Ltd' does not exist");

        await SignInAsync(path: "/queues/ap-invoices");
        await Row("INV-7001").GetByRole(AriaRole.Link, new() { Name = "INV-7001: details and history" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/queue-items/{done}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "INV-7001 in ap-invoices", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".json-block").First).ToContainTextAsync("\"supplier\": \"ACME Ltd\"");
        await Expect(Page.Locator(".json-block").Nth(1)).ToContainTextAsync("\"documentNumber\": \"FIN-000042\"");
        await Expect(Page.Locator(".facts")).ToContainTextAsync("Successful");
        await AssertAccessibleAsync("a successful item's page");

        await Page.GotoAsync($"/queue-items/{item}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "INV-7002 in ap-invoices", Level = 1 })).ToBeVisibleAsync();
        var why = Page.Locator(".alert.error");
        await Expect(why).ToContainTextAsync("Why it failed: Supplier 'Nobody Ltd' does not exist");
        await Expect(why).ToContainTextAsync("Business exception (bad data: not retried)");
        var facts = Page.Locator(".facts");
        await Expect(facts).ToContainTextAsync("2 of 2");
        await Expect(facts).ToContainTextAsync("bootstrap-admin");
        await Expect(Page.Locator(".json-block")).ToContainTextAsync("\"supplier\": \"Nobody Ltd\"");
        await Expect(Page.GetByText("None: the item has not been completed.")).ToBeVisibleAsync();

        // History, oldest first: added, taken, failed (system, so retried), taken, failed (business).
        var history = Page.Locator(".queue-history tbody tr");
        await Expect(history).ToHaveCountAsync(5);
        await Expect(history.Nth(0)).ToContainTextAsync("Added");
        await Expect(history.Nth(1)).ToContainTextAsync("Taken by a bot");
        await Expect(history.Nth(2)).ToContainTextAsync("Retried");
        await Expect(history.Nth(2)).ToContainTextAsync("The finance system timed out");
        await Expect(history.Nth(3)).ToContainTextAsync("Taken by a bot");
        await Expect(history.Nth(4)).ToContainTextAsync("Failed");
        await Expect(history.Nth(4)).ToContainTextAsync("Supplier 'Nobody Ltd' does not exist");
        await AssertAccessibleAsync("a failed item's page with its history");
        await Page.SaveScreenshotAsync("queue-item");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Retry INV-7002" }).ClickAsync();
        await Expect(Page.GetByText("INV-7002 was retried: it is new again, with fresh attempts.")).ToBeVisibleAsync();
        await Expect(facts).ToContainTextAsync("New");
        await Expect(history).ToHaveCountAsync(6);
        await Expect(history.Nth(5)).ToContainTextAsync("Retried");
        await Expect(history.Nth(5)).ToContainTextAsync("bootstrap-admin");
        Assert.That((string)(await Server.ReadItemAsync(item))["status"]!, Is.EqualTo("new"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Abandon INV-7002" })).ToBeEnabledAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "ap-invoices" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync($"{Server.BaseUrl}/queues/ap-invoices");
    }

    [Test]
    public async Task Items_are_added_from_json_and_csv_and_a_bad_row_is_named()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse("""
            {"type":"object","required":["supplier","amount"],"properties":{"supplier":{"type":"string"},"amount":{"type":"number"}}}
            """);
        await Server.CreateQueueAsync("uploads", new { dataSchema = schema });
        await SignInAsync(path: "/queues/uploads");
        await Expect(Page.GetByText("This queue has no items yet.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add items" }).ClickAsync();
        await Page.GetByLabel("Items", new() { Exact = true }).FillAsync("""[{"reference":"J-1","priority":"high","data":{"supplier":"ACME Ltd","amount":12.5}}]""");
        await AssertAccessibleAsync("the add items form");
        await Page.GetByRole(AriaRole.Form, new() { Name = "Add items" }).GetByRole(AriaRole.Button, new() { Name = "Add items" }).ClickAsync();
        await Expect(Page.GetByText("1 item was added.")).ToBeVisibleAsync();
        await Expect(Row("J-1")).ToContainTextAsync("High");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add items" }).ClickAsync();
        await Page.GetByLabel("CSV").CheckAsync();
        var form = Page.GetByRole(AriaRole.Form, new() { Name = "Add items" });
        await Page.GetByLabel("Items", new() { Exact = true }).FillAsync("Invoice Number,supplier,amount\nC-1,Brown & Co,40\nC-2,Brown & Co,twelve\n");
        await Page.GetByLabel("Reference column (optional)").FillAsync("Invoice Number");
        ExpectedConsoleErrors.Add("400");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add items" }).ClickAsync();
        var alert = form.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Nothing was added.");
        await Expect(alert).ToContainTextAsync("Row 3, column 'amount': 'twelve' is not a number");
        await Expect(Page.GetByLabel("Items", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync("the add items form with a refused CSV");
        await Expect(Rows).ToHaveCountAsync(1);

        await Page.GetByLabel("Items", new() { Exact = true }).FillAsync("Invoice Number,supplier,amount\nC-1,Brown & Co,40\nC-2,Brown & Co,12\n");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add items" }).ClickAsync();
        await Expect(Page.GetByText("2 items were added.")).ToBeVisibleAsync();
        await Expect(Rows).ToHaveCountAsync(3);
        await Row("C-2").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator(".json-block")).ToContainTextAsync("\"amount\": 12");
    }

    [Test]
    public async Task An_unknown_queue_or_item_says_so()
    {
        ExpectedConsoleErrors.Add("404");
        await SignInAsync(path: "/queues/no-such-queue");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("There is no queue with this name.");
        await AssertAccessibleAsync("the page of a queue that does not exist");
        await Page.GotoAsync("/queue-items/no-such-item");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("There is no queue item with this id.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "All queues" })).ToHaveAttributeAsync("href", "/queues");
    }
}
