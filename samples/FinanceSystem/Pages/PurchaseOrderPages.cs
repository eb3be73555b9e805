using Dapper;
using Samples.FinanceSystem.Data;
using Samples.FinanceSystem.Invoices;
using static Samples.LegacyKit.Html;

namespace Samples.FinanceSystem.Pages;

/// <summary>AP02 purchase-order enquiry: the orders of a supplier (or one order), with a Match link into AP10.</summary>
public static class PurchaseOrderPages
{
    /// <summary>Maps <c>/pos</c>.</summary>
    public static void MapPurchaseOrderPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/pos", (HttpContext ctx, string? supp, string? po, FinanceDatabase db) =>
        {
            var body = new System.Text.StringBuilder();
            body.Append("<h3>AP02 P/O Enquiry</h3><form method=\"get\" action=\"/pos\">");
            body.Append($"<label for=\"txtSupp\">Supp A/C</label> <input id=\"txtSupp\" name=\"supp\" size=\"8\" value=\"{E(supp)}\"> ");
            body.Append($"<label for=\"txtPo\">P/O No</label> <input id=\"txtPo\" name=\"po\" size=\"12\" value=\"{E(po)}\"> <input type=\"submit\" value=\"Go\"></form><br>");
            using var c = db.Open();
            var rows = c.Query<PurchaseOrderRow>(
                "SELECT * FROM purchase_orders WHERE (@supp IS NULL OR supplier_code = upper(@supp)) AND (@po IS NULL OR po_number = @po) ORDER BY po_number",
                new { supp = string.IsNullOrWhiteSpace(supp) ? null : supp.Trim(), po = string.IsNullOrWhiteSpace(po) ? null : po.Trim() }).ToList();
            body.Append("<table class=\"grid\" id=\"grdPo\"><tr><th>P/O No</th><th>Supp A/C</th><th>Desc</th><th>Raised</th><th>Ccy</th><th>Ord Amt</th><th>Inv Amt</th><th>O/S Amt</th><th>Stat</th><th></th></tr>");
            foreach (var r in rows)
            {
                var open = r.OutstandingPence > 0;
                var match = open ? $"<a href=\"/invoice/new?po={E(r.PoNumber)}\">Match</a>" : "";
                body.Append($"<tr><td>{E(r.PoNumber)}</td><td>{E(r.SupplierCode)}</td><td>{E(r.Description)}</td><td>{E(r.RaisedOn)}</td><td>{E(r.Currency)}</td><td align=\"right\">{InvoiceCalculation.Money(r.AmountPence)}</td><td align=\"right\">{InvoiceCalculation.Money(r.InvoicedPence)}</td><td align=\"right\">{InvoiceCalculation.Money(r.OutstandingPence)}</td><td>{(open ? "OPEN" : "FULL")}</td><td>{match}</td></tr>");
            }

            body.Append("</table>");
            return Page(FinanceApp.Render(ctx, "AP02 P/O Enquiry", body.ToString()));
        });
    }
}
