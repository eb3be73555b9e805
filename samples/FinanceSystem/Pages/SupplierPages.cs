using Dapper;
using Samples.FinanceSystem.Data;
using static Samples.LegacyKit.Html;

namespace Samples.FinanceSystem.Pages;

/// <summary>AP01 supplier enquiry: search by (part of) name or VAT number.</summary>
public static class SupplierPages
{
    /// <summary>Maps <c>/suppliers</c>.</summary>
    public static void MapSupplierPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/suppliers", (HttpContext ctx, string? name, string? vat, FinanceDatabase db) =>
        {
            var body = new System.Text.StringBuilder();
            body.Append("<h3>AP01 Supplier Enquiry</h3><form method=\"get\" action=\"/suppliers\"><table>");
            body.Append($"<tr><td><label for=\"txtName\">Supp Nm</label></td><td><input id=\"txtName\" name=\"name\" value=\"{E(name)}\"></td></tr>");
            body.Append($"<tr><td><label for=\"txtVat\">VAT Reg</label></td><td><input id=\"txtVat\" name=\"vat\" value=\"{E(vat)}\"></td></tr>");
            body.Append("<tr><td></td><td><input type=\"submit\" id=\"btnFind\" value=\"Find\"></td></tr></table></form><br>");
            if (!string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(vat))
            {
                using var c = db.Open();
                var rows = c.Query<SupplierRow>(
                    """
                    SELECT * FROM suppliers
                    WHERE (@name IS NULL OR name LIKE '%' || @name || '%')
                      AND (@vat IS NULL OR replace(upper(vat_number), ' ', '') LIKE '%' || @vat || '%')
                    ORDER BY code
                    """,
                    new
                    {
                        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
                        vat = string.IsNullOrWhiteSpace(vat) ? null : vat.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
                    }).ToList();
                if (rows.Count == 0)
                {
                    body.Append("<p class=\"err\" id=\"lblNoRec\">I010 No records found</p>");
                }
                else
                {
                    body.Append("<table class=\"grid\" id=\"grdSupp\"><tr><th>A/C</th><th>Supp Nm</th><th>VAT Reg</th><th>P/Code</th><th>Ccy</th><th>Stat</th><th></th></tr>");
                    foreach (var r in rows)
                    {
                        body.Append($"<tr><td>{E(r.Code)}</td><td>{E(r.Name)}</td><td>{E(r.VatNumber)}</td><td>{E(r.Postcode)}</td><td>{E(r.Currency)}</td><td>{(r.OnStop != 0 ? "STOP" : "LIVE")}</td><td><a href=\"/pos?supp={E(r.Code)}\">P/Os</a></td></tr>");
                    }

                    body.Append("</table>");
                }
            }

            return Page(FinanceApp.Render(ctx, "AP01 Supplier Enquiry", body.ToString()));
        });
    }
}
