using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samples.FinanceSystem.Data;
using Samples.FinanceSystem.Invoices;
using Samples.LegacyKit;
using static Samples.LegacyKit.Html;

namespace Samples.FinanceSystem.Pages;

/// <summary>
/// AP10 invoice entry (a postback form: Add Ln, Calc and Save all post the whole form back) and AP11 the
/// invoice enquiry list.
/// </summary>
public static class InvoicePages
{
    /// <summary>Maps <c>/invoice/new</c>, <c>/invoice</c> (POST) and <c>/invoices</c>.</summary>
    public static void MapInvoicePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/invoice/new", (HttpContext ctx, string? po, FinanceDatabase db, IOptions<LegacyAppOptions> options) =>
        {
            var input = new InvoiceInput();
            input.Lines.Add(InvoiceLineInput.Empty);
            if (!string.IsNullOrWhiteSpace(po))
            {
                // "Match" from the P/O list fills the order, supplier and currency.
                using var c = db.Open();
                var row = c.QueryFirstOrDefault<PurchaseOrderRow>("SELECT * FROM purchase_orders WHERE po_number = @po", new { po = po.Trim() });
                if (row is not null)
                {
                    input.PoNumber = row.PoNumber;
                    input.Supplier = row.SupplierCode;
                    input.Currency = row.Currency;
                }
            }

            return Form(ctx, options.Value.Restyle, input, null);
        });

        pages.MapPost("/invoice", (HttpContext ctx, [FromForm] IFormCollection form, InvoiceStore store, IOptions<LegacyAppOptions> options) =>
        {
            var restyle = options.Value.Restyle;
            var input = InvoiceFormView.Read(form, Style(restyle));
            switch (form["act"].ToString())
            {
                case "addline":
                    input.Lines.Add(InvoiceLineInput.Empty);
                    return Form(ctx, restyle, input, null);
                case "save":
                    var outcome = store.Save(input, ctx.User.Identity?.Name ?? "?");
                    return outcome.DocumentNumber is long doc ? Posted(ctx, restyle, doc, outcome) : Form(ctx, restyle, input, outcome);
                default:
                    return Form(ctx, restyle, input, store.Check(input));
            }
        });

        pages.MapGet("/invoices", (HttpContext ctx, string? supp, FinanceDatabase db) =>
        {
            using var c = db.Open();
            var rows = c.Query<InvoiceRow>(
                "SELECT * FROM invoices WHERE (@supp IS NULL OR supplier_code = upper(@supp)) ORDER BY document_number DESC LIMIT 200",
                new { supp = string.IsNullOrWhiteSpace(supp) ? null : supp.Trim() });
            var body = new System.Text.StringBuilder();
            body.Append($"<h3>AP11 Invoice Enquiry</h3><form method=\"get\">Supp A/C <input name=\"supp\" size=\"8\" value=\"{E(supp)}\"> <input type=\"submit\" value=\"Go\"></form><br>");
            body.Append("<table class=\"grid\" id=\"grdInv\"><tr><th>Doc No</th><th>Supp A/C</th><th>Inv Ref</th><th>Inv Dt</th><th>P/O No</th><th>Ccy</th><th>Net</th><th>VAT</th><th>Gross</th></tr>");
            foreach (var r in rows)
            {
                body.Append($"<tr><td>{r.DocumentNumber}</td><td>{E(r.SupplierCode)}</td><td>{E(r.InvoiceNumber)}</td><td>{E(r.InvoiceDate)}</td><td>{E(r.PoNumber)}</td><td>{E(r.Currency)}</td><td align=\"right\">{InvoiceCalculation.Money(r.NetPence)}</td><td align=\"right\">{InvoiceCalculation.Money(r.VatPence)}</td><td align=\"right\">{InvoiceCalculation.Money(r.GrossPence)}</td></tr>");
            }

            body.Append("</table>");
            return Page(FinanceApp.Render(ctx, "AP11 Invoice Enquiry", body.ToString()));
        });
    }

    private static InvoiceFormStyle Style(bool restyle) => restyle ? InvoiceFormStyle.Restyled : InvoiceFormStyle.Classic;

    private static IResult Form(HttpContext ctx, bool restyle, InvoiceInput input, InvoiceOutcome? outcome) =>
        Page(FinanceApp.Render(ctx, restyle ? "Supplier invoices" : "AP10 Invoice Entry", InvoiceFormView.Render(ctx, Style(restyle), restyle, input, outcome)));

    private static IResult Posted(HttpContext ctx, bool restyle, long doc, InvoiceOutcome outcome)
    {
        var gross = InvoiceCalculation.Money(outcome.NetPence + outcome.VatPence);
        var number = doc.ToString(CultureInfo.InvariantCulture);
        var body = restyle
            ? $"<div class=\"notice\" role=\"status\"><h2>Invoice posted</h2><p>Finance document number <strong data-document-number=\"{number}\">{number}</strong> (total {gross}).</p><p><a href=\"/invoice/new\">Record another invoice</a></p></div>"
            : $"<h3>AP10 Invoice Entry</h3><p class=\"ok\">I100 Doc No <span id=\"lblDocNo\">{number}</span> posted. Gross {gross}.</p><p><a href=\"/invoice/new\">Next</a></p>";
        return Page(FinanceApp.Render(ctx, restyle ? "Supplier invoices" : "AP10 Invoice Entry", body));
    }
}
