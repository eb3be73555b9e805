using System.Globalization;
using System.Text.Json.Nodes;

namespace Automation.Samples.Tests.Invoices;

/// <summary>One line of a test invoice.</summary>
internal sealed record TestLine(string Description, decimal Quantity, decimal UnitPrice, string VatCode)
{
    public int VatRate => VatCode switch { "S" => 20, "R" => 5, "Z" => 0, _ => throw new ArgumentOutOfRangeException(nameof(VatCode), VatCode, "not a VAT code") };

    // The finance system's rule, written out again here so the test does not trust the bot's arithmetic.
    public decimal Net => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    public decimal Vat => Math.Round(Net * VatRate / 100m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A supplier invoice as a queue item carries it, with what the finance system should end up holding.</summary>
internal sealed record TestInvoice(
    string SupplierCode, string? SupplierNumber, string? SupplierName, string? SupplierVat, string InvoiceNumber, DateOnly Date,
    string? PoNumber, string Currency, bool StateCurrency, IReadOnlyList<TestLine> Lines, bool StateTotals = false)
{
    public decimal Net => Lines.Sum(l => l.Net);

    public decimal Vat => Lines.Sum(l => l.Vat);

    public decimal Gross => Net + Vat;

    /// <summary>The queue reference: supplier number (or name) / invoice number, as the intake workflow makes it.</summary>
    public string Reference => $"{SupplierNumber ?? SupplierName ?? SupplierVat}/{InvoiceNumber}";

    public JsonObject ToData()
    {
        var supplier = new JsonObject();
        if (SupplierNumber is not null) supplier["number"] = SupplierNumber;
        if (SupplierName is not null) supplier["name"] = SupplierName;
        if (SupplierVat is not null) supplier["vatNumber"] = SupplierVat;
        var data = new JsonObject
        {
            ["supplier"] = supplier,
            ["invoiceNumber"] = InvoiceNumber,
            ["invoiceDate"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["lines"] = new JsonArray(Lines.Select(l => (JsonNode)new JsonObject
            {
                ["description"] = l.Description, ["quantity"] = l.Quantity, ["unitPrice"] = l.UnitPrice, ["vatCode"] = l.VatCode,
            }).ToArray()),
        };
        if (PoNumber is not null) data["poNumber"] = PoNumber;
        if (StateCurrency) data["currency"] = Currency;
        if (StateTotals)
        {
            data["net"] = Net;
            data["vat"] = Vat;
            data["total"] = Gross;
        }

        return data;
    }

    /// <summary>
    /// <paramref name="count"/> invoices over the seeded suppliers that are not on stop and their large orders: one to four
    /// lines, every VAT code, fractional quantities, the supplier named by number, name, both, or VAT number in turn.
    /// </summary>
    public static List<TestInvoice> Generate(int count, IReadOnlyList<AppSupplier> suppliers, IReadOnlyList<AppPurchaseOrder> orders, string prefix)
    {
        var live = suppliers.Where(s => !s.OnStop).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        string[] descriptions = ["Pothole repairs, Mill Lane", "Toner cartridges (black)", "Grass cutting - parks", "Council tax bills print run", "Care hours, week 12", "Minibus hire", "Laptop support", "Trade waste lift", "Cloud hosting", "Desk & chair"];
        decimal[] quantities = [1m, 2m, 1.5m, 12m, 0.25m, 3m, 2.125m];
        decimal[] prices = [125.00m, 19.99m, 1250.50m, 0.37m, 84.10m, 7m, 342.86m];
        string[] codes = ["S", "R", "Z", "S"];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var invoices = new List<TestInvoice>();
        for (var i = 0; i < count; i++)
        {
            var s = live[i % live.Count];
            var big = orders.Where(o => o.SupplierCode == s.Code && o.Amount >= 25_000m).OrderBy(o => o.PoNumber, StringComparer.Ordinal).ToList();
            var po = big[(i / live.Count) % big.Count];
            var lines = Enumerable.Range(0, 1 + (i % 4)).Select(k => new TestLine(
                $"{descriptions[(i + k) % descriptions.Length]} #{i}-{k + 1}",
                quantities[(i + 2 * k) % quantities.Length],
                prices[(3 * i + k) % prices.Length],
                codes[(i + k) % codes.Length])).ToList();
            var style = i % 4;
            invoices.Add(new TestInvoice(
                s.Code,
                style is 0 or 2 ? s.Code : null,
                style is 1 or 2 ? s.Name : null,
                style == 3 ? s.VatNumber : null,
                $"{prefix}-{1000 + i}",
                today.AddDays(-1 - (i % 60)),
                po.PoNumber,
                s.Currency,
                StateCurrency: i % 2 == 0,
                lines,
                StateTotals: i % 3 == 0));
        }

        return invoices;
    }
}
