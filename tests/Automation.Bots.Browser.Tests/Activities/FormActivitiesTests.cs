using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Tests.Support;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Bots.Browser.Tests.Activities;

/// <summary>A workflow keys an invoice into the legacy site with Open, Fill, Select, Click and ReadText, sharing one page.</summary>
public class FormActivitiesTests
{
    private const string Pin = "s3cret-PIN-4471";

    private static Flow KeyInvoice(string id, string url, JsonNode invoiceNumberTarget) => Flow.Create(id)
        .Start()
        .Activity("open", "Browser.Open", new JsonObject { ["url"] = url, ["variable"] = "browser" })
        .Activity("number", "Browser.Fill", new JsonObject { ["target"] = invoiceNumberTarget.DeepClone(), ["value"] = "INV-1001" })
        .Activity("supplier", "Browser.Select", new JsonObject
        {
            ["target"] = new JsonObject { ["label"] = "Supplier", ["fallbacks"] = new JsonArray(new JsonObject { ["label"] = "Vendor" }) },
            ["options"] = "Borough Supplies",
        })
        .Activity("amount", "Browser.Fill", new JsonObject { ["target"] = new JsonObject { ["label"] = "Amount", ["fallbacks"] = new JsonArray("#amount") }, ["value"] = "250.00" })
        .Activity("pin", "Browser.Fill", new JsonObject { ["target"] = "#pin", ["credential"] = "finance-approver" })
        .Activity("save", "Browser.Click", new JsonObject
        {
            ["target"] = new JsonObject { ["role"] = "button", ["name"] = "Save invoice" },
            ["waitForNavigation"] = true,
            ["session"] = Expr.Js("variables.browser"),
        })
        .Activity("read", "Browser.ReadText", new JsonObject { ["target"] = new JsonObject { ["testId"] = "doc-number" } })
        .Chain("start", "open", "number", "supplier", "amount", "pin", "save", "read");

    [Test]
    public async Task A_workflow_keys_an_invoice_and_reads_the_document_number_the_site_gives()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        await engine.SaveCredentialAsync("finance-approver", "approver", Pin);

        var instance = await engine.RunAsync(KeyInvoice("key-invoice", site.Url("/invoice"), new JsonObject { ["label"] = "Invoice number" }).Build());

        instance.AssertStatus(WorkflowStatus.Finished);
        var posted = site.Invoices.Single();
        Assert.That(posted["invoiceNumber"], Is.EqualTo("INV-1001"));
        Assert.That(posted["supplier"], Is.EqualTo("S2"));
        Assert.That(posted["amount"], Is.EqualTo("250.00"));
        Assert.That(posted["pin"], Is.EqualTo(Pin));
        Assert.That(instance.OutputOf("read")!["text"]!.GetValue<string>(), Is.EqualTo("Document FIN-0001"));
        Assert.That(instance.OutputOf("open")!["title"]!.GetValue<string>(), Is.EqualTo("Finance - New invoice"));
        Assert.That(instance.Variable("browser")!.GetValue<string>(), Is.EqualTo(instance.OutputOf("open")!["sessionId"]!.GetValue<string>()));
        Assert.That(instance.OutputOf("number")!["target"]!.GetValue<string>(), Is.EqualTo("label \"Invoice number\""));
        Assert.That(instance.OutputOf("supplier")!["selected"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "S2" }));
    }

    [Test]
    public async Task The_password_typed_from_a_credential_never_reaches_the_journal()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        await engine.SaveCredentialAsync("finance-approver", "approver", Pin);

        var instance = await engine.RunAsync(KeyInvoice("key-invoice-secret", site.Url("/invoice"), new JsonObject { ["label"] = "Invoice number" }).Build());

        instance.AssertStatus(WorkflowStatus.Finished);
        var journal = JsonSerializer.Serialize(await engine.JournalAsync(instance.Id));
        Assert.That(journal, Does.Contain("finance-approver"), "the journal names the credential used");
        Assert.That(journal, Does.Not.Contain(Pin));
        Assert.That(JsonSerializer.Serialize(instance.State), Does.Not.Contain(Pin));
    }

    [Test]
    public async Task A_relabelled_and_rearranged_form_is_still_filled_through_the_fallbacks_and_the_journal_says_which_was_used()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        await engine.SaveCredentialAsync("finance-approver", "approver", Pin);
        var target = new JsonObject
        {
            ["label"] = "Invoice number",
            ["fallbacks"] = new JsonArray(new JsonObject { ["css"] = "#invNo" }, new JsonObject { ["placeholder"] = "Invoice no" }),
        };

        var instance = await engine.RunAsync(KeyInvoice("key-invoice-restyled", site.Url("/invoice?restyled=1"), target).Build());

        instance.AssertStatus(WorkflowStatus.Finished);
        var posted = site.Invoices.Single();
        Assert.That(posted["invoiceNumber"], Is.EqualTo("INV-1001"));
        Assert.That(posted["supplier"], Is.EqualTo("S2"));
        Assert.That(posted["amount"], Is.EqualTo("250.00"));
        Assert.That(instance.OutputOf("number")!["target"]!.GetValue<string>(), Is.EqualTo("css \"#invNo\""));
        var logs = (await engine.JournalAsync(instance.Id)).LogMessages();
        Assert.That(logs, Has.Some.EqualTo("Target label \"Invoice number\" was not found; used fallback css \"#invNo\"."));
        Assert.That(logs, Has.Some.EqualTo("Target label \"Supplier\" was not found; used fallback label \"Vendor\"."));
    }

    [Test]
    public async Task A_target_that_matches_several_elements_fails_with_a_message_saying_so()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("ambiguous")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoice") })
            .Activity("click", "Browser.Click", new JsonObject { ["target"] = new JsonObject { ["role"] = "button" }, ["timeout"] = "00:00:01" })
            .Chain("start", "open", "click")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("role button matched 2 elements"));
    }

    [Test]
    public async Task A_malformed_target_fails_at_once_naming_the_bad_key()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("bad-target")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoice") })
            .Activity("fill", "Browser.Fill", new JsonObject { ["target"] = new JsonObject { ["lable"] = "Amount" }, ["value"] = "1" })
            .Chain("start", "open", "fill")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("'lable' is not a way of finding an element"));
    }
}
