using Dapper;
using Samples.FinanceSystem.Data;

namespace Samples.FinanceSystem.Testing;

/// <summary>
/// The read API tests use to check what was keyed (guarded by the test token, see
/// <see cref="Samples.LegacyKit.TestingAccess"/>): invoices with their lines, suppliers and purchase orders.
/// Money is in pounds (decimal), quantities as decimals.
/// </summary>
public static class FinanceTestingApi
{
    /// <summary>Maps <c>/testing/invoices</c>, <c>/testing/suppliers</c> and <c>/testing/purchase-orders</c>.</summary>
    public static void MapFinanceTesting(this RouteGroupBuilder testing)
    {
        testing.MapGet("/invoices", (FinanceDatabase db) =>
        {
            using var c = db.Open();
            var lines = c.Query<InvoiceLineRow>("SELECT * FROM invoice_lines ORDER BY document_number, line_number").ToLookup(l => l.DocumentNumber);
            return c.Query<InvoiceRow>("SELECT * FROM invoices ORDER BY document_number").Select(i => new
            {
                i.DocumentNumber,
                i.SupplierCode,
                i.InvoiceNumber,
                i.InvoiceDate,
                i.PoNumber,
                i.Currency,
                Net = i.NetPence / 100m,
                Vat = i.VatPence / 100m,
                Gross = i.GrossPence / 100m,
                i.DuplicateOf,
                i.KeyedBy,
                i.KeyedAt,
                Lines = lines[i.DocumentNumber].Select(l => new
                {
                    l.LineNumber,
                    l.Description,
                    Quantity = l.QuantityMilli / 1000m,
                    UnitPrice = l.UnitPricePence / 100m,
                    l.VatRate,
                    Net = l.NetPence / 100m,
                    Vat = l.VatPence / 100m,
                }).ToList(),
            }).ToList();
        });

        testing.MapGet("/suppliers", (FinanceDatabase db) =>
        {
            using var c = db.Open();
            return c.Query<SupplierRow>("SELECT * FROM suppliers ORDER BY code")
                .Select(s => new { s.Code, s.Name, s.VatNumber, s.Postcode, s.Currency, OnStop = s.OnStop != 0 }).ToList();
        });

        testing.MapGet("/purchase-orders", (FinanceDatabase db) =>
        {
            using var c = db.Open();
            return c.Query<PurchaseOrderRow>("SELECT * FROM purchase_orders ORDER BY po_number")
                .Select(p => new { p.PoNumber, p.SupplierCode, p.Description, p.Currency, Amount = p.AmountPence / 100m, Invoiced = p.InvoicedPence / 100m, Outstanding = p.OutstandingPence / 100m, p.RaisedOn }).ToList();
        });
    }
}
