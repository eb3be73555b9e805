using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Targets;

namespace Samples.Bots.Invoices;

/// <summary>
/// Where the fields of FIN/2000 are, in both its classic screen and its restyled release: each target names the field
/// as a person reads it (its label, or for the label-less line grid its accessible name), then falls back to the other
/// release's label, then to the field's name attribute. Labels match whole, so "Supp A/C" never finds another field.
/// </summary>
internal static class FinanceTargets
{
    public static readonly Target UserId = Parse("""{ "label": "User ID", "fallbacks": [{ "css": "input[name=uid]" }] }""");
    public static readonly Target Password = Parse("""{ "label": "Password", "fallbacks": [{ "css": "input[name=pwd]" }] }""");
    public static readonly Target SignOn = Parse("""{ "role": "button", "name": "Sign on", "fallbacks": [{ "css": "#btnSignOn" }] }""");

    public static readonly Target Supplier = Field("Supp A/C", "Supplier account", "txtSuppAc", "supplierAccount");
    public static readonly Target InvoiceNumber = Field("Inv Ref", "Supplier's invoice number", "txtInvRef", "supplierInvoiceNo");
    public static readonly Target InvoiceDate = Field("Inv Dt (DD/MM/YYYY)", "Invoice date", "txtInvDt", "invoiceDate");
    public static readonly Target PoNumber = Field("P/O No", "Purchase order", "txtPoNo", "purchaseOrder");
    public static readonly Target Currency = Field("Ccy", "Currency", "ddlCcy", "currencyCode");

    public static readonly Target AddLine = Button("Add Ln", "Add another item", "addline");
    public static readonly Target Save = Button("Save", "Post invoice", "save");

    /// <summary>The saved page's document number: classic <c>#lblDocNo</c>, restyled <c>[data-document-number]</c>.</summary>
    public const string DocumentNumber = "#lblDocNo, [data-document-number]";

    /// <summary>The form's messages: classic <c>#msgs</c> divs, restyled the alert list's items.</summary>
    public const string Messages = "#msgs > div, ul[role=alert] > li";

    /// <summary>Line <paramref name="n"/>'s description.</summary>
    public static Target LineDescription(int n) => LineField("textbox", $"Desc ln {n}", $"Item {n} description", n, "desc");

    /// <summary>Line <paramref name="n"/>'s quantity.</summary>
    public static Target LineQuantity(int n) => LineField("textbox", $"Qty ln {n}", $"Item {n} quantity", n, "qty");

    /// <summary>Line <paramref name="n"/>'s unit price.</summary>
    public static Target LineUnitPrice(int n) => LineField("textbox", $"Unit Pr ln {n}", $"Item {n} unit price", n, "price");

    /// <summary>Line <paramref name="n"/>'s VAT rate (a drop-down of 20, 5, 0).</summary>
    public static Target LineVatRate(int n) => LineField("combobox", $"VAT % ln {n}", $"Item {n} VAT rate", n, "vat");

    private static Target Field(string classicLabel, string restyledLabel, string classicName, string restyledName) => Target.Parse(new JsonObject
    {
        ["label"] = classicLabel,
        ["fallbacks"] = new JsonArray(
            new JsonObject { ["label"] = restyledLabel },
            new JsonObject { ["css"] = $"[name={classicName}]" },
            new JsonObject { ["css"] = $"[name={restyledName}]" }),
    });

    private static Target Button(string classicText, string restyledText, string action) => Target.Parse(new JsonObject
    {
        ["role"] = "button", ["name"] = classicText,
        ["fallbacks"] = new JsonArray(
            new JsonObject { ["role"] = "button", ["name"] = restyledText },
            new JsonObject { ["css"] = $"button[name=act][value={action}]" }),
    });

    // The grid's inputs have no visible label: the classic one is named by its title, the restyled one by aria-label.
    private static Target LineField(string role, string classicName, string restyledLabel, int n, string part) => Target.Parse(new JsonObject
    {
        ["role"] = role, ["name"] = classicName,
        ["fallbacks"] = new JsonArray(
            new JsonObject { ["label"] = restyledLabel },
            new JsonObject { ["css"] = string.Create(CultureInfo.InvariantCulture, $"[name=grdLn_{n}_{part}]") },
            new JsonObject { ["css"] = string.Create(CultureInfo.InvariantCulture, $"[name=item_{n}_{part}]") }),
    });

    private static Target Parse(string json) => Target.Parse(JsonNode.Parse(json));
}
