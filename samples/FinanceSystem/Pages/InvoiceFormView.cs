using System.Text;
using Samples.FinanceSystem.Invoices;
using Samples.LegacyKit;
using static Samples.LegacyKit.Html;

namespace Samples.FinanceSystem.Pages;

/// <summary>Renders the invoice entry form in the classic or the restyled markup, and reads it back.</summary>
public static class InvoiceFormView
{
    /// <summary>Reads the posted form in <paramref name="style"/>'s field names.</summary>
    public static InvoiceInput Read(IFormCollection form, InvoiceFormStyle style)
    {
        var input = new InvoiceInput
        {
            Supplier = form[style.Supplier].ToString(),
            InvoiceNumber = form[style.InvoiceNumber].ToString(),
            Date = form[style.Date].ToString(),
            PoNumber = form[style.PoNumber].ToString(),
            Currency = form[style.Currency].ToString(),
            OverrideDuplicate = form[style.Override].ToString() is "on" or "true" or "Y",
        };
        var count = int.TryParse(form[style.LinePrefix + "Count"], out var c) ? Math.Clamp(c, 1, 50) : 1;
        for (var n = 1; n <= count; n++)
        {
            input.Lines.Add(new(
                form[style.LineField(n, "desc")].ToString(),
                form[style.LineField(n, "qty")].ToString(),
                form[style.LineField(n, "price")].ToString(),
                form[style.LineField(n, "vat")].ToString()));
        }

        return input;
    }

    /// <summary>The form with what was typed, the messages, and the totals when the lines priced.</summary>
    public static string Render(HttpContext ctx, InvoiceFormStyle style, bool restyle, InvoiceInput input, InvoiceOutcome? outcome)
    {
        var messages = outcome?.Messages ?? [];
        var showOverride = outcome?.DuplicateOf is not null;
        return restyle ? Restyled(ctx, style, input, outcome, messages, showOverride) : Classic(ctx, style, input, outcome, messages, showOverride);
    }

    private static string Classic(HttpContext ctx, InvoiceFormStyle s, InvoiceInput input, InvoiceOutcome? outcome, IReadOnlyList<InvoiceMessage> messages, bool showOverride)
    {
        var sb = new StringBuilder();
        sb.Append("<h3>AP10 Invoice Entry</h3>");
        if (messages.Count > 0)
        {
            sb.Append("<div id=\"msgs\">");
            foreach (var m in messages)
            {
                sb.Append($"<div class=\"{(m.Code.StartsWith('W') ? "warn" : "err")}\">{E(m.Text)}</div>");
            }

            sb.Append("</div>");
        }

        sb.Append($"<form method=\"post\" action=\"/invoice\" id=\"frmAP10\">{LegacyLayout.Token(ctx)}");
        sb.Append($"<input type=\"hidden\" name=\"{s.LinePrefix}Count\" value=\"{input.Lines.Count}\">");
        sb.Append("<table class=\"grid\"><tr>");
        sb.Append(Cell(s.Supplier, s.SupplierLabel, input.Supplier, 10) + Cell(s.InvoiceNumber, s.InvoiceNumberLabel, input.InvoiceNumber, 20));
        sb.Append("</tr><tr>");
        sb.Append(Cell(s.Date, s.DateLabel, input.Date, 10) + Cell(s.PoNumber, s.PoNumberLabel, input.PoNumber, 12));
        sb.Append("</tr><tr>");
        sb.Append($"<td><label for=\"{s.Currency}\">{E(s.CurrencyLabel)}</label></td><td><select id=\"{s.Currency}\" name=\"{s.Currency}\">{Options(InvoiceCalculation.Currencies, input.Currency, blank: false)}</select></td><td></td><td><a href=\"/suppliers\" target=\"_blank\">AP01 Supp Enq</a></td>");
        sb.Append("</tr></table><br>");
        sb.Append("<table class=\"grid\" id=\"grdLines\"><tr><th>Ln</th><th>Desc</th><th>Qty</th><th>Unit Pr</th><th>VAT %</th><th>Net</th><th>VAT</th></tr>");
        var priced = outcome?.Lines ?? [];
        for (var n = 1; n <= input.Lines.Count; n++)
        {
            var l = input.Lines[n - 1];
            var p = priced.FirstOrDefault(x => x.FormLine == n);
            sb.Append($"<tr><td>{n}</td>");
            sb.Append($"<td><input name=\"{s.LineField(n, "desc")}\" id=\"{s.LineField(n, "desc")}\" title=\"{E(string.Format(System.Globalization.CultureInfo.InvariantCulture, s.DescriptionTitle, n))}\" size=\"30\" value=\"{E(l.Description)}\"></td>");
            sb.Append($"<td><input name=\"{s.LineField(n, "qty")}\" id=\"{s.LineField(n, "qty")}\" title=\"{E(string.Format(System.Globalization.CultureInfo.InvariantCulture, s.QuantityTitle, n))}\" size=\"6\" value=\"{E(l.Quantity)}\"></td>");
            sb.Append($"<td><input name=\"{s.LineField(n, "price")}\" id=\"{s.LineField(n, "price")}\" title=\"{E(string.Format(System.Globalization.CultureInfo.InvariantCulture, s.PriceTitle, n))}\" size=\"8\" value=\"{E(l.UnitPrice)}\"></td>");
            sb.Append($"<td><select name=\"{s.LineField(n, "vat")}\" id=\"{s.LineField(n, "vat")}\" title=\"{E(string.Format(System.Globalization.CultureInfo.InvariantCulture, s.VatTitle, n))}\">{Options(InvoiceCalculation.VatRates.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), l.VatRate, blank: false)}</select></td>");
            sb.Append($"<td align=\"right\">{(p is null ? "" : InvoiceCalculation.Money(p.NetPence))}</td><td align=\"right\">{(p is null ? "" : InvoiceCalculation.Money(p.VatPence))}</td></tr>");
        }

        sb.Append("</table>");
        if (outcome is not null && outcome.Lines.Count > 0)
        {
            sb.Append("<table class=\"grid\" id=\"tblTot\">");
            foreach (var rate in InvoiceCalculation.VatRates)
            {
                var vat = outcome.Lines.Where(l => l.VatRate == rate).Sum(l => l.VatPence);
                sb.Append($"<tr><td>VAT @ {rate}%</td><td align=\"right\" id=\"totVat{rate}\">{InvoiceCalculation.Money(vat)}</td></tr>");
            }

            sb.Append($"<tr><td>Net</td><td align=\"right\" id=\"totNet\">{InvoiceCalculation.Money(outcome.NetPence)}</td></tr>");
            sb.Append($"<tr><td>VAT</td><td align=\"right\" id=\"totVat\">{InvoiceCalculation.Money(outcome.VatPence)}</td></tr>");
            sb.Append($"<tr><th>Gross</th><th align=\"right\" id=\"totGross\">{InvoiceCalculation.Money(outcome.NetPence + outcome.VatPence)}</th></tr></table>");
        }

        if (showOverride)
        {
            sb.Append($"<p><input type=\"checkbox\" id=\"{s.Override}\" name=\"{s.Override}\"><label for=\"{s.Override}\">{E(s.OverrideLabel)}</label></p>");
        }

        sb.Append($"<p><button type=\"submit\" name=\"act\" value=\"addline\">{E(s.AddLineText)}</button> <button type=\"submit\" name=\"act\" value=\"calc\">{E(s.CalcText)}</button> <button type=\"submit\" name=\"act\" value=\"save\" id=\"btnSave\">{E(s.SaveText)}</button></p></form>");
        return sb.ToString();

        static string Cell(string id, string label, string value, int size) =>
            $"<td><label for=\"{id}\">{E(label)}</label></td><td><input id=\"{id}\" name=\"{id}\" size=\"{size}\" value=\"{E(value)}\"></td>";
    }

    private static string Restyled(HttpContext ctx, InvoiceFormStyle s, InvoiceInput input, InvoiceOutcome? outcome, IReadOnlyList<InvoiceMessage> messages, bool showOverride)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"page-head\"><h2>Record a supplier invoice</h2></div>");
        if (messages.Count > 0)
        {
            sb.Append("<ul role=\"alert\" class=\"errors\">");
            foreach (var m in messages)
            {
                sb.Append($"<li class=\"{(m.Code.StartsWith('W') ? "warn" : "err")}\">{E(m.Text)}</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append($"<form method=\"post\" action=\"/invoice\" id=\"invoice-form\" class=\"stacked\">{LegacyLayout.Token(ctx)}");
        sb.Append($"<input type=\"hidden\" name=\"{s.LinePrefix}Count\" value=\"{input.Lines.Count}\">");
        // The new release asks for the order first, and wraps some inputs in their labels instead of using for=.
        sb.Append("<fieldset><legend>Order</legend>");
        sb.Append($"<div class=\"field\"><label for=\"po-ref\">{E(s.PoNumberLabel)}</label><input id=\"po-ref\" name=\"{s.PoNumber}\" value=\"{E(input.PoNumber)}\"></div>");
        sb.Append($"<div class=\"field\"><label>{E(s.SupplierLabel)} <input name=\"{s.Supplier}\" class=\"wide\" value=\"{E(input.Supplier)}\"></label></div>");
        sb.Append("</fieldset><fieldset><legend>Invoice</legend>");
        sb.Append($"<div class=\"field\"><label for=\"inv-no\">{E(s.InvoiceNumberLabel)}</label><input id=\"inv-no\" name=\"{s.InvoiceNumber}\" value=\"{E(input.InvoiceNumber)}\"></div>");
        sb.Append($"<div class=\"field\"><label>{E(s.CurrencyLabel)} <select name=\"{s.Currency}\">{Options(InvoiceCalculation.Currencies, input.Currency, blank: false)}</select></label></div>");
        sb.Append($"<div class=\"field\"><label for=\"inv-date\">{E(s.DateLabel)}</label><input id=\"inv-date\" name=\"{s.Date}\" placeholder=\"dd/mm/yyyy\" value=\"{E(input.Date)}\"></div>");
        sb.Append("</fieldset><fieldset><legend>Items</legend>");
        for (var n = 1; n <= input.Lines.Count; n++)
        {
            var l = input.Lines[n - 1];
            sb.Append($"<div class=\"item\" data-item=\"{n}\">");
            sb.Append($"<input name=\"{s.LineField(n, "desc")}\" aria-label=\"{E(Fmt(s.DescriptionTitle, n))}\" placeholder=\"Description\" value=\"{E(l.Description)}\">");
            sb.Append($"<select name=\"{s.LineField(n, "vat")}\" aria-label=\"{E(Fmt(s.VatTitle, n))}\">{Options(InvoiceCalculation.VatRates.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), l.VatRate, blank: false)}</select>");
            sb.Append($"<input name=\"{s.LineField(n, "price")}\" aria-label=\"{E(Fmt(s.PriceTitle, n))}\" placeholder=\"0.00\" value=\"{E(l.UnitPrice)}\">");
            sb.Append($"<input name=\"{s.LineField(n, "qty")}\" aria-label=\"{E(Fmt(s.QuantityTitle, n))}\" placeholder=\"1\" value=\"{E(l.Quantity)}\">");
            sb.Append("</div>");
        }

        sb.Append("</fieldset>");
        if (outcome is not null && outcome.Lines.Count > 0)
        {
            sb.Append("<dl class=\"totals\">");
            sb.Append($"<dt>Net amount</dt><dd data-total=\"net\">{InvoiceCalculation.Money(outcome.NetPence)}</dd>");
            sb.Append($"<dt>VAT</dt><dd data-total=\"vat\">{InvoiceCalculation.Money(outcome.VatPence)}</dd>");
            sb.Append($"<dt>Total</dt><dd data-total=\"gross\">{InvoiceCalculation.Money(outcome.NetPence + outcome.VatPence)}</dd></dl>");
        }

        if (showOverride)
        {
            sb.Append($"<div class=\"field\"><label><input type=\"checkbox\" name=\"{s.Override}\"> {E(s.OverrideLabel)}</label></div>");
        }

        sb.Append($"<div class=\"actions\"><button type=\"submit\" name=\"act\" value=\"save\">{E(s.SaveText)}</button> <button type=\"submit\" name=\"act\" value=\"calc\">{E(s.CalcText)}</button> <button type=\"submit\" name=\"act\" value=\"addline\">{E(s.AddLineText)}</button></div></form>");
        return sb.ToString();

        static string Fmt(string format, int n) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, n);
    }
}
