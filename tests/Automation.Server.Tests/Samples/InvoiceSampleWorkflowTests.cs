using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Samples;

/// <summary>
/// The invoice samples: invoice-intake queues posted invoices for the invoice-entry bot, and invoice-exception-review
/// gives accounts payable a task for an invoice the bot could not key.
/// </summary>
[TestFixture]
public sealed class InvoiceSampleWorkflowTests
{
    private static string QueueFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "SampleBots", "Invoices", "supplier-invoices.queue.json");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("samples/SampleBots/Invoices/supplier-invoices.queue.json not found above " + AppContext.BaseDirectory);
    }

    private static JsonObject Invoice(string supplier, string number, string vatCode = "S") => new()
    {
        ["supplier"] = new JsonObject { ["number"] = supplier },
        ["invoiceNumber"] = number,
        ["invoiceDate"] = "2026-03-14",
        ["poNumber"] = "4500000100",
        ["lines"] = new JsonArray(new JsonObject { ["description"] = "Pothole repairs", ["quantity"] = 3, ["unitPrice"] = 1250.00, ["vatCode"] = vatCode }),
    };

    [Test]
    public async Task Invoice_intake_queues_each_posted_invoice_once_under_supplier_and_invoice_number()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Samples:Load"] = "true" });
        using var api = server.Client();
        // The sample importer creates no queues: the shipped settings file is the body that creates this one.
        await Http.ReadAsync(await api.PutJsonTextAsync("/api/queues/supplier-invoices", await File.ReadAllTextAsync(QueueFile())), 201);

        var first = await api.PostAsJsonAsync("/api/hooks/invoices", new JsonArray(Invoice("S10001", "INV-1"), Invoice("S10002", "INV-2", "Z")));
        await api.WaitForStatusAsync((await Http.ReadAsync(first, 202))["instanceId"]!.GetValue<string>(), "finished");
        // Sent again with one more: the two already queued are not queued twice.
        var second = await api.PostAsJsonAsync("/api/hooks/invoices", new JsonArray(Invoice("S10001", "INV-1"), Invoice("S10002", "INV-2", "Z"), Invoice("S10003", "INV-3")));
        await api.WaitForStatusAsync((await Http.ReadAsync(second, 202))["instanceId"]!.GetValue<string>(), "finished");

        var items = (await Http.ReadAsync(await api.GetAsync("/api/queues/supplier-invoices/items"), 200))["items"]!.AsArray();
        Assert.That(items.Select(i => i!["reference"]!.GetValue<string>()), Is.EquivalentTo(new[] { "S10001/INV-1", "S10002/INV-2", "S10003/INV-3" }));
        var second2 = items.Single(i => i!["reference"]!.GetValue<string>() == "S10002/INV-2")!;
        Assert.That(second2["status"]!.GetValue<string>(), Is.EqualTo("new"));
        Assert.That(second2["data"]!["lines"]![0]!["vatCode"]!.GetValue<string>(), Is.EqualTo("Z"));
    }

    [Test]
    public async Task Invoice_intake_faults_with_the_schema_error_for_an_invoice_the_queue_refuses()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Samples:Load"] = "true" });
        using var api = server.Client();
        await Http.ReadAsync(await api.PutJsonTextAsync("/api/queues/supplier-invoices", await File.ReadAllTextAsync(QueueFile())), 201);
        var bad = Invoice("S10001", "INV-9", vatCode: "X");

        var posted = await api.PostAsJsonAsync("/api/hooks/invoices", new JsonArray(bad));

        var instance = await api.WaitForStatusAsync((await Http.ReadAsync(posted, 202))["instanceId"]!.GetValue<string>(), "faulted");
        Assert.That(instance.ToJsonString(), Does.Contain("vatCode"));
        Assert.That((await Http.ReadAsync(await api.GetAsync("/api/queues/supplier-invoices/items"), 200))["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Invoice_exception_review_shows_the_reason_and_the_invoice_and_ends_when_accounts_payable_decide()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Samples:Load"] = "true" });
        using var api = server.Client();
        var data = Invoice("S10001", "INV-77");

        var instance = await api.StartAsync("invoice-exception-review", new JsonObject
        {
            ["itemId"] = "item-1", ["queue"] = "supplier-invoices", ["reference"] = "S10001/INV-77",
            ["reason"] = "Purchase order 4500000104 was raised for supplier S10002, not S10001.", ["code"] = "po-mismatch", ["data"] = data,
        });

        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("suspended"), instance.ToJsonString());
        var listed = (await Http.ReadAsync(await api.GetAsync($"/api/tasks?instanceId={instance["id"]}"), 200))["items"]![0]!;
        var task = await Http.ReadAsync(await api.GetAsync($"/api/tasks/{listed["id"]}"), 200);
        Assert.That(task["title"]!.GetValue<string>(), Is.EqualTo("Invoice INV-77 not keyed: po-mismatch"));
        var description = task["description"]!.GetValue<string>();
        Assert.That(description, Does.Contain("Reason: Purchase order 4500000104 was raised for supplier S10002, not S10001.")
            .And.Contain("Supplier: S10001").And.Contain("Invoice date: 2026-03-14").And.Contain("Line 1: Pothole repairs, 3 at 1250"));
        Assert.That(task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "Resolved", "Rejected" }));

        await Http.ReadAsync(await api.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "Resolved", data = new { documentNumber = "5100000042", note = "Keyed against the right order" } }), 200);
        await api.WaitForStatusAsync(instance["id"]!.GetValue<string>(), "finished");
    }
}
