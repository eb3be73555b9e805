using Dapper;
using Microsoft.Data.Sqlite;

namespace Samples.FinanceSystem.Data;

/// <summary>
/// The suppliers and purchase orders a new database starts with: UK council suppliers, plus the issuers of
/// the invoice corpus (so invoices read from those documents can be keyed), a supplier on stop, and a few
/// purchase orders per supplier in its currency.
/// </summary>
public static class FinanceSeed
{
    /// <summary>Seed suppliers: code, name, VAT number, postcode, currency, on stop.</summary>
    public static readonly (string Code, string Name, string Vat, string Postcode, string Currency, bool OnStop)[] Suppliers =
    [
        ("S10001", "Acme Highways Maintenance Ltd", "GB123456789", "LS1 4AP", "GBP", false),
        ("S10002", "Northgate Office Supplies Ltd", "GB234567891", "M1 2BB", "GBP", false),
        ("S10003", "Brightwater Grounds Services", "GB345678912", "BS1 5TR", "GBP", false),
        ("S10004", "Civic Print & Mail plc", "GB456789123", "B2 4QA", "GBP", false),
        ("S10005", "Riverside Social Care Partners", "GB567891234", "NE1 3DF", "GBP", false),
        ("S10006", "Pennine Fleet Hire Ltd", "GB678912345", "HX1 1UB", "GBP", false),
        ("S10007", "Castle IT Services Ltd", "GB789123456", "CF10 1EP", "GBP", false),
        ("S10008", "Greenfield Waste Solutions", "GB891234567", "NG1 6HL", "GBP", false),
        ("S10009", "Old Mill Catering Co", "GB912345678", "YO1 7HH", "GBP", true),
        ("S10010", "Amazon Web Services EMEA SARL", "LU26888617", "L-1855", "USD", false),
        ("S10011", "QualityHosting AG", "DE815496496", "63457", "EUR", false),
        ("S10012", "Coolblue B.V.", "NL810433941B01", "3014 BA", "EUR", false),
        ("S10013", "Azure Interior", "US12345673", "94134", "USD", false),
    ];

    /// <summary>Inserts the seed rows when the suppliers table is empty.</summary>
    public static void Apply(SqliteConnection c, SqliteTransaction tx)
    {
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM suppliers", transaction: tx) > 0)
        {
            return;
        }

        string[] work = ["Annual maintenance", "Consumables", "Call-off order", "Professional services", "Framework lot 2", "Ad hoc works"];
        var po = 4500000100;
        for (var i = 0; i < Suppliers.Length; i++)
        {
            var s = Suppliers[i];
            c.Execute(
                "INSERT INTO suppliers (code, name, vat_number, postcode, currency, on_stop) VALUES (@Code, @Name, @Vat, @Postcode, @Currency, @OnStop)",
                new { s.Code, s.Name, s.Vat, s.Postcode, s.Currency, OnStop = s.OnStop ? 1 : 0 },
                tx);
            for (var k = 0; k < 4; k++)
            {
                // Large orders (£25,000 to £1,000,000) so fifty invoices fit, and one small £100 order per supplier for mismatches.
                var amount = k == 3 ? 10_000L : (2_500_00L * (1 + ((i + k) % 4))) * (k == 0 ? 100 : 10);
                c.Execute(
                    "INSERT INTO purchase_orders (po_number, supplier_code, description, currency, amount_pence, raised_on) VALUES (@Po, @Code, @Desc, @Currency, @Amount, @Raised)",
                    new { Po = (po++).ToString(System.Globalization.CultureInfo.InvariantCulture), s.Code, Desc = $"{work[(i + k) % work.Length]} - {s.Name}", s.Currency, Amount = amount, Raised = new DateOnly(2026, 1 + k, 1 + i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                    tx);
            }
        }
    }
}
