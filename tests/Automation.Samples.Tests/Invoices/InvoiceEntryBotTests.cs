using System.Text.Json.Nodes;
using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Credentials;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Automation.Samples.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Samples.Bots.Invoices;
using Samples.FinanceSystem;

namespace Automation.Samples.Tests.Invoices;

/// <summary>
/// The invoice entry bot against the real FIN/2000 sample in the machine's Chromium, fed from a supplier-invoices queue
/// with the shipped schema; what it keyed is checked in the finance system's database through its /testing API.
/// </summary>
[NonParallelizable]
public sealed class InvoiceEntryBotTests
{
    private const string Credential = "finance-bot";
    private const string Queue = SupplierInvoicesQueue.Name;

    private BrowserPool pool = null!;

    [OneTimeSetUp]
    public void StartBrowser()
    {
        var options = new BrowserOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("AUTOMATION_CHROMIUM") ?? "/usr/bin/chromium",
            DefaultTimeout = TimeSpan.FromSeconds(10),
            AllowedHosts = ["127.0.0.1"],
        };
        if (!File.Exists(options.ExecutablePath))
            Assert.Fail($"Chromium was not found at {options.ExecutablePath}: run scripts/install-deps.sh (it installs the chromium package).");
        pool = new BrowserPool(Microsoft.Extensions.Options.Options.Create(options), NullLogger<BrowserPool>.Instance);
    }

    [OneTimeTearDown]
    public async Task StopBrowser() => await pool.DisposeAsync();

    internal static Task<RunningApp> StartFinance(bool restyle = false, int timeoutSeconds = 900, Action<IServiceCollection>? services = null) =>
        RunningApp.StartAsync(FinanceApp.Create, FinanceApp.Section, new Dictionary<string, string>
        {
            ["Restyle"] = restyle ? "true" : "false",
            ["SessionTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, services);

    /// <summary>A queue store holding the supplier-invoices queue (the shipped settings and schema) and a vault with the bot's credential.</summary>
    private static async Task<(InMemoryWorkQueueStore Store, CredentialVault Vault)> QueueAndVaultAsync()
    {
        var store = new InMemoryWorkQueueStore();
        var settings = SupplierInvoicesQueue.Settings();
        await store.SaveQueueAsync(new WorkQueue
        {
            Name = Queue,
            MaxAttempts = settings["maxAttempts"]!.GetValue<int>(),
            DataSchema = SupplierInvoicesQueue.DataSchema(),
        }, DateTimeOffset.UtcNow);
        var vault = new CredentialVault(new InMemoryCredentialStore(), new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);
        await vault.SaveAsync(new CredentialInput(Credential, CredentialKinds.UsernamePassword.Name, "FIN/2000 bot user",
            new JsonObject { ["username"] = RunningApp.User }, new Dictionary<string, string?> { ["password"] = RunningApp.Password }), "test");
        return (store, vault);
    }

    private static JsonObject BotSettings(RunningApp app) => new() { ["baseUrl"] = app.Address.ToString(), ["credential"] = Credential };

    private static async Task<List<QueueItem>> AddAsync(IWorkQueueStore store, IEnumerable<TestInvoice> invoices)
    {
        var result = await store.AddItemsAsync(Queue, invoices.Select(i => new NewQueueItem { Reference = i.Reference, Data = i.ToData() }).ToList(), "test", DateTimeOffset.UtcNow);
        return result.Added.ToList();
    }

    private static async Task<QueueItem> ItemAsync(IWorkQueueStore store, string id) => (await store.GetItemAsync(id))!;

    /// <summary>Every field of every invoice as the finance system holds it, and the document number the item recorded.</summary>
    internal static async Task AssertKeyedExactly(IWorkQueueStore store, IReadOnlyList<QueueItem> items, IReadOnlyList<TestInvoice> invoices, RunningApp app)
    {
        var held = await FinanceData.InvoicesAsync(app);
        Assert.That(held, Has.Count.EqualTo(invoices.Count), "one posting per invoice, no more");
        for (var i = 0; i < invoices.Count; i++)
        {
            var expected = invoices[i];
            var item = await ItemAsync(store, items[i].Id);
            var posted = held.Where(h => h.SupplierCode == expected.SupplierCode && h.InvoiceNumber == expected.InvoiceNumber).ToList();
            Assert.That(item.Status, Is.EqualTo(QueueItemStatus.Successful), $"{expected.Reference}: {item.FailureReason}");
            Assert.That(posted, Has.Count.EqualTo(1), expected.Reference);
            var inv = posted[0];
            Assert.Multiple(() =>
            {
                Assert.That(inv.InvoiceDate, Is.EqualTo(expected.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), expected.Reference);
                Assert.That(inv.PoNumber, Is.EqualTo(expected.PoNumber), expected.Reference);
                Assert.That(inv.Currency, Is.EqualTo(expected.Currency), expected.Reference);
                Assert.That((inv.Net, inv.Vat, inv.Gross), Is.EqualTo((expected.Net, expected.Vat, expected.Gross)), expected.Reference);
                Assert.That(inv.KeyedBy, Is.EqualTo(RunningApp.User));
                Assert.That(inv.DuplicateOf, Is.Null, "never keyed over a duplicate warning");
                Assert.That(inv.Lines.Select(l => (l.LineNumber, l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.Net, l.Vat)),
                    Is.EqualTo(expected.Lines.Select((l, n) => (n + 1, l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.Net, l.Vat))), expected.Reference);
                var output = item.Output!;
                Assert.That(output["documentNumber"]!.GetValue<string>(), Is.EqualTo(inv.DocumentNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), expected.Reference);
                Assert.That(output["supplierNumber"]!.GetValue<string>(), Is.EqualTo(expected.SupplierCode));
                Assert.That((output["net"]!.GetValue<decimal>(), output["vat"]!.GetValue<decimal>(), output["total"]!.GetValue<decimal>()),
                    Is.EqualTo((expected.Net, expected.Vat, expected.Gross)), expected.Reference);
            });
        }
    }

    [Test]
    public async Task The_restyled_form_is_filled_by_the_same_bot()
    {
        await using var app = await StartFinance(restyle: true);
        var (store, vault) = await QueueAndVaultAsync();
        var invoices = TestInvoice.Generate(6, await FinanceData.SuppliersAsync(app), await FinanceData.PurchaseOrdersAsync(app), "RS");
        var items = await AddAsync(store, invoices);
        var run = new BotRun(store, pool, vault);

        var settled = await run.RunAsync(Queue, new InvoiceEntryBot(), BotSettings(app), workers: 2);

        Assert.That(settled.SystemFailures, Is.Empty, string.Join("\n", settled.SystemFailures.Select(e => e.Message)));
        await AssertKeyedExactly(store, items, invoices, app);
        Assert.That(run.Log.Messages, Is.Not.Empty);
        Assert.That(run.Log.Messages, Has.None.Contains(RunningApp.Password), "the password is never logged");
    }

    [Test]
    public async Task Unknown_suppliers_purchase_order_mismatches_and_refused_invoices_are_business_exceptions_with_their_codes()
    {
        await using var app = await StartFinance();
        var (store, vault) = await QueueAndVaultAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        TestLine[] line = [new("Pothole repairs", 2m, 150m, "S")];
        TestInvoice Invoice(string code, string? number, string? name, string number2, string po, DateOnly? date = null) =>
            new(code, number, name, null, number2, date ?? today.AddDays(-3), po, "GBP", false, line);
        var cases = new (TestInvoice Invoice, string Code, string Reason)[]
        {
            (Invoice("S99999", "S99999", null, "U-1", "4500000100"), InvoiceExceptionCodes.UnknownSupplier, "E102 Supp A/C S99999 not on file"),
            (Invoice("?", null, "Nobody Plumbing Ltd", "U-2", "4500000100"), InvoiceExceptionCodes.UnknownSupplier, "'Nobody Plumbing Ltd' is not on file"),
            (Invoice("S10001", "S10001", "Acme Highways Maintenance Ltd", "P-1", "4500000104"), InvoiceExceptionCodes.PoMismatch, "raised for supplier S10002, not S10001"),
            (Invoice("S10001", "S10001", null, "P-4", "4500000104"), InvoiceExceptionCodes.PoMismatch, "E112 P/O 4500000104 raised for Supp A/C S10002, not S10001"),
            (Invoice("S10001", "S10001", null, "P-2", "4500000103"), InvoiceExceptionCodes.PoMismatch, "net 300.00 is more than the 100.00 left to invoice on purchase order 4500000103"),
            (Invoice("S10001", "S10001", null, "P-3", "4500000199"), InvoiceExceptionCodes.PoMismatch, "Purchase order 4500000199 is not in FIN/2000"),
            (Invoice("S10009", "S10009", null, "V-1", "4500000132"), InvoiceExceptionCodes.FinanceValidation, "E103 Supp A/C S10009 is ON STOP"),
            (Invoice("S10001", "S10001", null, "V-2", "4500000100", today.AddDays(30)), InvoiceExceptionCodes.FinanceValidation, "E106 Inv Dt cannot be in the future"),
        };
        var items = await AddAsync(store, cases.Select(c => c.Invoice));
        var settled = await new BotRun(store, pool, vault).RunAsync(Queue, new InvoiceEntryBot(), BotSettings(app), workers: 2);

        Assert.That(settled.SystemFailures, Is.Empty, string.Join("\n", settled.SystemFailures.Select(e => e.Message)));
        for (var i = 0; i < cases.Length; i++)
        {
            var item = await ItemAsync(store, items[i].Id);
            Assert.Multiple(() =>
            {
                Assert.That((item.Status, item.FailureKind, item.Attempts), Is.EqualTo((QueueItemStatus.Failed, (QueueFailureKind?)QueueFailureKind.Business, 1)), cases[i].Invoice.Reference);
                Assert.That(item.FailureCode, Is.EqualTo(cases[i].Code), cases[i].Invoice.Reference);
                Assert.That(item.FailureReason, Does.Contain(cases[i].Reason), cases[i].Invoice.Reference);
            });
        }

        Assert.That(await FinanceData.InvoicesAsync(app), Is.Empty, "nothing was posted");
    }

    [Test]
    public async Task An_invoice_a_clerk_already_posted_is_a_duplicate_invoice_and_is_not_posted_again()
    {
        await using var app = await StartFinance();
        var (store, vault) = await QueueAndVaultAsync();
        var invoice = TestInvoice.Generate(1, await FinanceData.SuppliersAsync(app), await FinanceData.PurchaseOrdersAsync(app), "DUP")[0];
        // The clerk keyed the very same invoice by hand: identical in every field, which is exactly the duplicate to stop.
        var first = await AddAsync(store, [invoice]);
        await new BotRun(store, pool, vault).RunAsync(Queue, new InvoiceEntryBot(), BotSettings(app));
        Assert.That((await ItemAsync(store, first[0].Id)).Status, Is.EqualTo(QueueItemStatus.Successful));
        await store.DeleteAsync(first[0].Id, "operator", DateTimeOffset.UtcNow);
        var again = await AddAsync(store, [invoice with { InvoiceNumber = invoice.InvoiceNumber.ToLowerInvariant() + " " }]);
        await new BotRun(store, pool, vault).RunAsync(Queue, new InvoiceEntryBot(), BotSettings(app));

        var item = await ItemAsync(store, again[0].Id);
        Assert.That((item.Status, item.FailureKind), Is.EqualTo((QueueItemStatus.Failed, (QueueFailureKind?)QueueFailureKind.Business)));
        Assert.That(item.FailureCode, Is.EqualTo(InvoiceExceptionCodes.DuplicateInvoice));
        var held = await FinanceData.InvoicesAsync(app);
        Assert.That(held, Has.Count.EqualTo(1));
        Assert.That(item.FailureReason, Does.Contain($"already posted in FIN/2000 as document {held[0].DocumentNumber}"));
    }

    [Test]
    public async Task A_retry_after_the_save_response_was_lost_finds_the_posted_invoice_and_keys_nothing_twice()
    {
        await using var app = await StartFinance();
        var (store, vault) = await QueueAndVaultAsync();
        var invoice = TestInvoice.Generate(3, await FinanceData.SuppliersAsync(app), await FinanceData.PurchaseOrdersAsync(app), "RTY")[2];
        var items = await AddAsync(store, [invoice]);
        var saves = 0;
        var run = new BotRun(store, pool, vault)
        {
            // First attempt: the save reaches the finance system, which posts the invoice, but its answer never
            // reaches the bot (the connection dropped, the worker died): the item is retried as a system exception.
            PreparePage = (page, item) => item.Attempts > 1 ? Task.CompletedTask : page.RouteAsync("**/invoice", async route =>
            {
                if (route.Request.Method == "POST" && route.Request.PostData?.Contains("act=save", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref saves);
                    await route.FetchAsync();
                    await route.AbortAsync("connectionreset");
                    return;
                }

                await route.ContinueAsync();
            }),
        };

        var settled = await run.RunAsync(Queue, new InvoiceEntryBot(), BotSettings(app));

        Assert.That(saves, Is.EqualTo(1));
        Assert.That(settled.SystemFailures, Has.Count.EqualTo(1), "the lost answer failed the first attempt");
        var item = await ItemAsync(store, items[0].Id);
        Assert.That((item.Status, item.Attempts), Is.EqualTo((QueueItemStatus.Successful, 2)));
        Assert.That(item.Output!["alreadyPosted"]!.GetValue<bool>(), Is.True);
        await AssertKeyedExactly(store, items, [invoice], app);
    }

    [Test]
    public async Task A_session_that_times_out_mid_invoice_is_signed_on_again_and_the_invoice_keyed_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartFinance(timeoutSeconds: 60, services: s => s.AddSingleton<TimeProvider>(clock));
        var (store, vault) = await QueueAndVaultAsync();
        var invoices = TestInvoice.Generate(2, await FinanceData.SuppliersAsync(app), await FinanceData.PurchaseOrdersAsync(app), "TMO")
            .Select(i => i with { Lines = [.. i.Lines, new TestLine("Extra line", 1m, 10m, "Z")] }).ToList();
        var items = await AddAsync(store, invoices);
        var signOns = 0;
        var lapsed = new HashSet<string>();
        var run = new BotRun(store, pool, vault)
        {
            PreparePage = (page, item) =>
            {
                page.Request += (_, request) =>
                {
                    if (request.Method == "POST" && request.Url.EndsWith("/login", StringComparison.Ordinal)) Interlocked.Increment(ref signOns);
                };
                // The clerk's coffee break: the first time each invoice is saved (first item) or a line added (second),
                // the idle timeout passes just before the request reaches the system.
                var lapseOn = item.Reference!.Contains("TMO-1000", StringComparison.Ordinal) ? "act=save" : "act=addline";
                return page.RouteAsync("**/invoice", async route =>
                {
                    if (route.Request.PostData?.Contains(lapseOn, StringComparison.Ordinal) == true && lapsed.Add(item.Id)) clock.Advance(TimeSpan.FromSeconds(61));
                    await route.ContinueAsync();
                });
            },
        };

        var settled = await run.RunAsync(Queue, new InvoiceEntryBot(), BotSettings(app));

        Assert.That(settled.SystemFailures, Is.Empty, string.Join("\n", settled.SystemFailures.Select(e => e.Message)));
        Assert.That(lapsed, Has.Count.EqualTo(2), "the session lapsed once in each invoice");
        Assert.That(signOns, Is.EqualTo(4), "each invoice: the first sign-on, and one more after the timeout");
        await AssertKeyedExactly(store, items, invoices, app);
        Assert.That((await ItemAsync(store, items[0].Id)).Attempts, Is.EqualTo(1), "signed on again within the attempt, not retried");
    }

    [Test]
    public async Task The_queue_schema_refuses_an_invoice_without_lines_or_with_an_unknown_VAT_code()
    {
        var (store, _) = await QueueAndVaultAsync();
        var good = new TestInvoice("S10001", "S10001", null, null, "OK-1", new DateOnly(2026, 3, 1), "4500000100", "GBP", true, [new("Gully emptying", 1m, 40m, "S")]);
        var noLines = good.ToData();
        noLines.Remove("lines");
        var badCode = good.ToData();
        badCode["lines"]![0]!["vatCode"] = "X";
        var noSupplier = good.ToData();
        noSupplier["supplier"] = new JsonObject();

        var refused = Assert.ThrowsAsync<QueueItemDataInvalidException>(() => store.AddItemsAsync(Queue,
            [new NewQueueItem { Data = good.ToData() }, new NewQueueItem { Data = noLines }, new NewQueueItem { Data = badCode }, new NewQueueItem { Data = noSupplier }],
            "test", DateTimeOffset.UtcNow));

        var errors = refused!.Errors.Select(e => (e.Index, e.Error.ToString())).ToList();
        Assert.That(errors.Select(e => e.Index).Distinct(), Is.EquivalentTo(new[] { 1, 2, 3 }), string.Join("\n", errors));
        Assert.That(errors.Single(e => e.Index == 1).Item2, Does.Contain("lines"));
        Assert.That(errors.Where(e => e.Index == 2).Select(e => e.Item2), Has.Some.Contains("vatCode"));
    }
}
