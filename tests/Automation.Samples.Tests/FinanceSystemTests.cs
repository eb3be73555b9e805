using System.Net;
using System.Text.Json;
using Automation.Samples.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Samples.FinanceSystem;

namespace Automation.Samples.Tests;

/// <summary>The finance system sample, driven over HTTP as a bot would, checked through its test read API.</summary>
public sealed class FinanceSystemTests
{
    // Seeded: S10001's big order (£250,000) and its small one (£100); S10002's first order; S10009 is on stop.
    private const string BigPo = "4500000100";
    private const string SmallPo = "4500000103";
    private const string OtherSuppliersPo = "4500000104";
    private const string OnStopPo = "4500000132";

    private static Task<RunningApp> Start(bool restyle = false, int timeoutSeconds = 900, Action<IServiceCollection>? services = null) =>
        RunningApp.StartAsync(FinanceApp.Create, FinanceApp.Section, new Dictionary<string, string>
        {
            ["Restyle"] = restyle ? "true" : "false",
            ["SessionTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, services);

    private static List<KeyValuePair<string, string>> ClassicInvoice(string supplier, string invoiceNo, string po, string date = "14/03/2026", string act = "save") =>
    [
        new("txtSuppAc", supplier), new("txtInvRef", invoiceNo), new("txtInvDt", date), new("txtPoNo", po), new("ddlCcy", "GBP"),
        new("grdLnCount", "2"),
        new("grdLn_1_desc", "Pothole repairs, Mill Lane"), new("grdLn_1_qty", "3"), new("grdLn_1_price", "1,250.00"), new("grdLn_1_vat", "20"),
        new("grdLn_2_desc", "Traffic management"), new("grdLn_2_qty", "1.5"), new("grdLn_2_price", "99.99"), new("grdLn_2_vat", "5"),
        new("act", act),
    ];

    private static async Task<JsonElement[]> Invoices(RunningApp app)
    {
        using var http = app.TestingClient();
        var json = await http.GetStringAsync("testing/invoices");
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();
    }

    [Test]
    public async Task A_wrong_password_is_refused_and_the_right_one_opens_the_invoice_form()
    {
        await using var app = await Start();
        using var client = app.NewClient();

        var refused = await client.SignOnAsync(password: "wrong");
        Assert.That(refused, Does.Contain("Sign on failed"));

        var page = await client.SignOnAsync();
        Assert.That(client.LastUri!.AbsolutePath, Is.EqualTo("/invoice/new"));
        Assert.That(page, Does.Contain("AP10 Invoice Entry").And.Contain("<label for=\"txtSuppAc\">Supp A/C</label>"));
    }

    [Test]
    public async Task A_page_without_sign_on_goes_to_the_login_page()
    {
        await using var app = await Start();
        using var client = app.NewClient();

        var page = await client.GetAsync("/pos");

        Assert.That(client.LastUri!.AbsolutePath, Is.EqualTo("/login"));
        Assert.That(page, Does.Contain("Sign on").And.Not.Contain("Session timed out"));
    }

    [Test]
    public async Task A_posted_invoice_shows_its_document_number_and_is_stored_exactly_as_keyed()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync($"/invoice/new?po={BigPo}");
        Assert.That(form, Does.Contain("value=\"S10001\""), "Match fills the supplier from the order");

        var calc = await client.PostAsync("/invoice", form, ClassicInvoice("s10001", "INV-7781", BigPo, act: "calc"));
        // 3 × 1,250.00 = 3,750.00 at 20% (750.00); 1.5 × 99.99 = 149.985 → 149.99 at 5% (7.50).
        Assert.That(calc, Does.Contain("id=\"totNet\">3,899.99<").And.Contain("id=\"totVat\">757.50<").And.Contain("id=\"totGross\">4,657.49<"));

        var posted = await client.PostAsync("/invoice", calc, ClassicInvoice("s10001", "INV-7781", BigPo));

        Assert.That(posted, Does.Contain("I100 Doc No <span id=\"lblDocNo\">5100000001</span> posted"));
        var invoices = await Invoices(app);
        Assert.That(invoices, Has.Length.EqualTo(1));
        var inv = invoices[0];
        Assert.Multiple(() =>
        {
            Assert.That(inv.GetProperty("documentNumber").GetInt64(), Is.EqualTo(5100000001));
            Assert.That(inv.GetProperty("supplierCode").GetString(), Is.EqualTo("S10001"));
            Assert.That(inv.GetProperty("invoiceNumber").GetString(), Is.EqualTo("INV-7781"));
            Assert.That(inv.GetProperty("invoiceDate").GetString(), Is.EqualTo("2026-03-14"));
            Assert.That(inv.GetProperty("poNumber").GetString(), Is.EqualTo(BigPo));
            Assert.That(inv.GetProperty("gross").GetDecimal(), Is.EqualTo(4657.49m));
            Assert.That(inv.GetProperty("keyedBy").GetString(), Is.EqualTo(RunningApp.User));
            var lines = inv.GetProperty("lines").EnumerateArray().ToArray();
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[1].GetProperty("description").GetString(), Is.EqualTo("Traffic management"));
            Assert.That(lines[1].GetProperty("quantity").GetDecimal(), Is.EqualTo(1.5m));
            Assert.That(lines[1].GetProperty("unitPrice").GetDecimal(), Is.EqualTo(99.99m));
            Assert.That(lines[1].GetProperty("vatRate").GetInt32(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Add_line_posts_back_the_form_with_one_more_empty_line_and_keeps_what_was_typed()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/invoice/new");

        var page = await client.PostAsync("/invoice", form, ClassicInvoice("S10001", "INV-1", BigPo, act: "addline"));

        Assert.That(page, Does.Contain("name=\"grdLn_3_desc\"").And.Contain("value=\"Traffic management\""));
        Assert.That(await Invoices(app), Is.Empty);
    }

    [Test]
    public async Task An_empty_form_gets_a_message_for_each_missing_field_and_nothing_is_saved()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/invoice/new");

        var page = await client.PostAsync("/invoice", form, [new("grdLnCount", "1"), new("act", "save")]);

        Assert.That(page, Does.Contain("E101 Supp A/C mandatory").And.Contain("E104 Inv Ref mandatory").And.Contain("E105 Inv Dt invalid")
            .And.Contain("E110 P/O No mandatory").And.Contain("E120 At least 1 line required"));
        Assert.That(await Invoices(app), Is.Empty);
    }

    [TestCase("S10001", OtherSuppliersPo, "E112 P/O 4500000104 raised for Supp A/C S10002, not S10001")]
    [TestCase("S10001", SmallPo, "E114 Inv net 3,899.99 exceeds P/O o/s amt 100.00")]
    [TestCase("S10009", OnStopPo, "E103 Supp A/C S10009 is ON STOP")]
    [TestCase("S99999", BigPo, "E102 Supp A/C S99999 not on file")]
    [TestCase("S10001", "4599999999", "E111 P/O 4599999999 not found")]
    public async Task A_purchase_order_or_supplier_that_does_not_match_is_refused_with_its_message(string supplier, string po, string message)
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/invoice/new");

        var page = await client.PostAsync("/invoice", form, ClassicInvoice(supplier, "INV-9", po));

        Assert.That(page, Does.Contain(message));
        Assert.That(await Invoices(app), Is.Empty);
    }

    [Test]
    public async Task A_bad_line_and_a_future_date_are_refused()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/invoice/new");
        var fields = ClassicInvoice("S10001", "INV-9", BigPo, date: "01/01/2099");
        fields[fields.FindIndex(f => f.Key == "grdLn_1_qty")] = new("grdLn_1_qty", "-2");
        fields[fields.FindIndex(f => f.Key == "grdLn_2_price")] = new("grdLn_2_price", "1.999");

        var page = await client.PostAsync("/invoice", form, fields);

        Assert.That(page, Does.Contain("E106 Inv Dt cannot be in the future").And.Contain("Ln 1: Qty must be &gt; 0").And.Contain("Ln 2: Unit Pr invalid"));
        Assert.That(await Invoices(app), Is.Empty);
    }

    [Test]
    public async Task The_same_supplier_and_invoice_number_again_is_warned_and_posted_only_when_overridden()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();
        var form = await client.GetAsync("/invoice/new");
        await client.PostAsync("/invoice", form, ClassicInvoice("S10001", "INV-500", BigPo));

        form = await client.GetAsync("/invoice/new");
        var warned = await client.PostAsync("/invoice", form, ClassicInvoice("S10001", "inv-500 ", BigPo));

        Assert.That(warned, Does.Contain("W201 Possible duplicate: Supp A/C S10001 Inv Ref inv-500 already posted as Doc No 5100000001"));
        Assert.That(warned, Does.Contain("<label for=\"chkOvrDup\">Ovr dup</label>"));
        Assert.That(await Invoices(app), Has.Length.EqualTo(1));

        var overridden = await client.PostAsync("/invoice", warned, [.. ClassicInvoice("S10001", "inv-500", BigPo), new("chkOvrDup", "on")]);

        Assert.That(overridden, Does.Contain("Doc No <span id=\"lblDocNo\">5100000002</span>"));
        var invoices = await Invoices(app);
        Assert.That(invoices[1].GetProperty("duplicateOf").GetInt64(), Is.EqualTo(5100000001));
    }

    [Test]
    public async Task The_same_invoice_posted_by_six_clerks_at_once_is_stored_once()
    {
        await using var app = await Start();
        var clients = Enumerable.Range(0, 6).Select(_ => app.NewClient()).ToList();
        var forms = new List<string>();
        foreach (var c in clients)
        {
            await c.SignOnAsync();
            forms.Add(await c.GetAsync("/invoice/new"));
        }

        var pages = await Task.WhenAll(clients.Select((c, i) => c.PostAsync("/invoice", forms[i], ClassicInvoice("S10001", "RACE-1", BigPo))));

        Assert.That(pages.Count(p => p.Contains("I100 Doc No", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(pages.Count(p => p.Contains("W201 Possible duplicate", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(await Invoices(app), Has.Length.EqualTo(1));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task The_restyle_switch_changes_labels_ids_and_layout_and_the_new_form_still_posts()
    {
        await using var app = await Start(restyle: true);
        using var client = app.NewClient();
        await client.SignOnAsync();

        var form = await client.GetAsync($"/invoice/new?po={BigPo}");

        Assert.That(form, Does.Not.Contain("Supp A/C").And.Not.Contain("txtSuppAc").And.Not.Contain("grdLines"));
        Assert.That(form, Does.Contain("<label>Supplier account <input name=\"supplierAccount\"").And.Contain("<label for=\"po-ref\">Purchase order</label>")
            .And.Contain("aria-label=\"Item 1 description\""));
        Assert.That(form.IndexOf("Purchase order", StringComparison.Ordinal), Is.LessThan(form.IndexOf("Supplier account", StringComparison.Ordinal)), "the order comes first now");

        var posted = await client.PostAsync("/invoice", form,
        [
            new("supplierAccount", "S10001"), new("supplierInvoiceNo", "R-1"), new("invoiceDate", "2026-02-01"), new("purchaseOrder", BigPo), new("currencyCode", "GBP"),
            new("itemCount", "1"), new("item_1_desc", "Gully emptying"), new("item_1_qty", "2"), new("item_1_price", "40"), new("item_1_vat", "20"), new("act", "save"),
        ]);

        Assert.That(posted, Does.Contain("Finance document number <strong data-document-number=\"5100000001\">"));
        var inv = (await Invoices(app)).Single();
        Assert.That(inv.GetProperty("gross").GetDecimal(), Is.EqualTo(96.00m));
        Assert.That(inv.GetProperty("invoiceDate").GetString(), Is.EqualTo("2026-02-01"));
    }

    [Test]
    public async Task Supplier_lookup_finds_by_part_of_the_name_or_by_VAT_number_with_spaces()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();

        var byName = await client.GetAsync("/suppliers?name=fleet");
        var byVat = await client.GetAsync("/suppliers?vat=GB%20789%20123%20456");
        var none = await client.GetAsync("/suppliers?name=nobody");

        Assert.That(byName, Does.Contain("<td>S10006</td><td>Pennine Fleet Hire Ltd</td>"));
        Assert.That(byVat, Does.Contain("<td>S10007</td><td>Castle IT Services Ltd</td>"));
        Assert.That(none, Does.Contain("I010 No records found"));
    }

    [Test]
    public async Task An_idle_session_times_out_and_the_login_page_says_so()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await Start(timeoutSeconds: 60, services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = app.NewClient();
        await client.SignOnAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        await client.GetAsync("/pos");
        Assert.That(client.LastUri!.AbsolutePath, Is.EqualTo("/pos"), "still signed on while active");

        clock.Advance(TimeSpan.FromSeconds(61));
        var page = await client.GetAsync("/pos");

        Assert.That(client.LastUri!.AbsolutePath, Is.EqualTo("/login"));
        Assert.That(page, Does.Contain("Session timed out. Please sign on again."));
    }

    [Test]
    public async Task The_testing_API_needs_the_token_and_does_not_exist_without_one_configured()
    {
        await using var app = await Start();
        using (var wrong = app.TestingClient("nope"))
        using (var none = app.TestingClient(null))
        {
            Assert.That((await wrong.GetAsync("testing/invoices")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await none.GetAsync("testing/invoices")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await using var closed = await RunningApp.StartAsync(FinanceApp.Create, FinanceApp.Section, new Dictionary<string, string> { ["TestToken"] = "" });
        using var client = closed.TestingClient();
        Assert.That((await client.GetAsync("testing/invoices")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_slow_switch_delays_a_page_but_it_still_answers()
    {
        await using var app = await Start();
        using var client = app.NewClient();
        await client.SignOnAsync();

        var page = await client.GetAsync("/suppliers?slow=50&name=Acme");

        Assert.That(page, Does.Contain("Acme Highways Maintenance Ltd"));
    }
}
