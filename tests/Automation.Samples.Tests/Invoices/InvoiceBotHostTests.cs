using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Queues;
using Automation.Samples.Tests.Support;
using Automation.Server.Hosting;
using Automation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Samples.Bots.Invoices;

namespace Automation.Samples.Tests.Invoices;

/// <summary>
/// The whole chain on the real server: invoices posted to the invoice-intake hook are queued, the server's bot host runs
/// the invoice-entry bot (a pool of three workers from Automation:Bots configuration) against the real FIN/2000, and an
/// invoice it cannot key starts the invoice-exception-review workflow.
/// </summary>
[NonParallelizable]
public sealed class InvoiceBotHostTests
{
    private const string AdminKey = "invoice-bot-host-test-admin-key";

    [Test]
    public async Task Fifty_invoices_posted_to_the_intake_hook_are_keyed_by_the_bot_host_pool_and_an_unknown_supplier_goes_to_review()
    {
        await using var finance = await InvoiceEntryBotTests.StartFinance();
        using var data = new TempDirectory("invoicebot-server");
        var chromium = Environment.GetEnvironmentVariable("AUTOMATION_CHROMIUM") ?? "/usr/bin/chromium";
        const string pool = "Automation:Bots:Pools:0:";
        var settings = new Dictionary<string, string?>
        {
            ["Automation:Store"] = "sqlite",
            ["Automation:DataDirectory"] = data.Path,
            ["Automation:Samples:Load"] = "true",
            ["Automation:Auth:BootstrapAdminKey"] = AdminKey,
            ["Automation:Browser:ExecutablePath"] = chromium,
            ["Automation:Browser:AllowedHosts:0"] = "127.0.0.1",
            ["Automation:Bots:HeartbeatInterval"] = "00:00:01",
            [pool + "Bot"] = "invoice-entry",
            [pool + "Queue"] = SupplierInvoicesQueue.Name,
            [pool + "Workers"] = "3",
            [pool + "Settings:baseUrl"] = finance.Address.ToString(),
            [pool + "Settings:credential"] = "finance-bot",
            [pool + "BusinessExceptionWorkflow"] = "invoice-exception-review",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        await using var server = await AutomationServerHost.StartAsync(settings);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var credential = await api.PutAsJsonAsync("/api/credentials/finance-bot", new
        {
            kind = "usernamePassword", fields = new { username = RunningApp.User }, secrets = new Dictionary<string, string> { ["password"] = RunningApp.Password },
        });
        Assert.That(credential.IsSuccessStatusCode, Is.True, await credential.Content.ReadAsStringAsync());
        var queue = await api.PutAsync($"/api/queues/{SupplierInvoicesQueue.Name}", JsonContent.Create(SupplierInvoicesQueue.Settings()));
        Assert.That(queue.IsSuccessStatusCode, Is.True, await queue.Content.ReadAsStringAsync());

        var invoices = TestInvoice.Generate(50, await FinanceData.SuppliersAsync(finance), await FinanceData.PurchaseOrdersAsync(finance), "HOST");
        var unknown = new TestInvoice("?", null, "Nobody Plumbing Ltd", null, "HOST-U1", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), "4500000100", "GBP", false,
            [new TestLine("Blocked drain", 1m, 95m, "S")]);
        var clock = Stopwatch.StartNew();
        var posted = await api.PostAsync("/api/hooks/invoices", JsonContent.Create(new JsonArray([.. invoices.Append(unknown).Select(i => (JsonNode)i.ToData())])));
        Assert.That((int)posted.StatusCode, Is.EqualTo(202), await posted.Content.ReadAsStringAsync());

        var store = server.App.Services.GetRequiredService<IWorkQueueStore>();
        var settled = await WaitForSettledAsync(store, 51, TimeSpan.FromMinutes(8));
        TestContext.Out.WriteLine($"Bot host, 3 workers: 51 items settled in {clock.Elapsed.TotalSeconds:0.0} s from the hook call");

        var items = invoices.Select(i => settled.Single(s => s.Reference == i.Reference)).ToList();
        await InvoiceEntryBotTests.AssertKeyedExactly(store, items, invoices, finance);
        var failed = settled.Single(s => s.Reference == unknown.Reference);
        Assert.That((failed.Status, failed.FailureKind, failed.FailureCode, failed.Attempts),
            Is.EqualTo((QueueItemStatus.Failed, (QueueFailureKind?)QueueFailureKind.Business, InvoiceExceptionCodes.UnknownSupplier, 1)));
        var tasks = await WaitForTaskAsync(api, "Invoice HOST-U1 not keyed: unknown-supplier");
        Assert.That(tasks["description"]!.GetValue<string>(), Does.Contain("'Nobody Plumbing Ltd' is not on file"));
    }

    private static async Task<IReadOnlyList<QueueItem>> WaitForSettledAsync(IWorkQueueStore store, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var items = (await store.ListItemsAsync(SupplierInvoicesQueue.Name, new QueueItemQuery(), null, 200)).Items;
            var done = items.Where(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed).ToList();
            if (done.Count >= count) return done;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{done.Count} of {count} items settled in {timeout}: {string.Join("; ", items.Select(i => $"{i.Reference} {i.Status} {i.FailureReason}"))}");
            await Task.Delay(500);
        }
    }

    private static async Task<JsonObject> WaitForTaskAsync(HttpClient api, string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await api.GetFromJsonAsync<JsonObject>("/api/tasks?status=open");
            if (page!["items"]!.AsArray().FirstOrDefault(t => t!["title"]!.GetValue<string>() == title) is JsonObject task) return task;
            if (DateTime.UtcNow > deadline) Assert.Fail($"No open task '{title}': {page.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
