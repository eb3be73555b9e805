using System.Globalization;

namespace Samples.Bots.Invoices;

/// <summary>A supplier as FIN/2000's AP01 enquiry shows it (only the code is known when the item gave nothing else).</summary>
internal sealed record FinanceSupplier(string Code, string? Name, string? Currency);

/// <summary>A purchase order row of AP02: its supplier, currency and the net still to be invoiced, in pence.</summary>
internal sealed record FinancePurchaseOrder(string Number, string SupplierCode, string Currency, long OutstandingPence)
{
    /// <summary>Reads an AP02 grid row (P/O No, Supp A/C, Desc, Raised, Ccy, Ord Amt, Inv Amt, O/S Amt, Stat).</summary>
    public static FinancePurchaseOrder FromRow(string[] cells) => new(cells[0], cells[1], cells[4], FinanceMoney.Parse(cells[7]));
}

/// <summary>An invoice row of AP11: what a posted invoice looks like in the enquiry, money in pence.</summary>
internal sealed record PostedInvoice(long DocumentNumber, string SupplierCode, string InvoiceNumber, string InvoiceDate, string PoNumber, string Currency, long NetPence, long VatPence, long GrossPence)
{
    /// <summary>Reads an AP11 grid row (Doc No, Supp A/C, Inv Ref, Inv Dt, P/O No, Ccy, Net, VAT, Gross).</summary>
    public static PostedInvoice FromRow(string[] cells) => new(
        long.Parse(cells[0], CultureInfo.InvariantCulture), cells[1], cells[2], cells[3], cells[4], cells[5],
        FinanceMoney.Parse(cells[6]), FinanceMoney.Parse(cells[7]), FinanceMoney.Parse(cells[8]));

    /// <summary>
    /// True when this posting is <paramref name="invoice"/> exactly as the bot keys it: same date, order, currency and
    /// totals. Only then can it be the bot's own earlier attempt rather than someone else's invoice with that number.
    /// </summary>
    public bool IsSameAs(InvoiceItem invoice, string currency) =>
        InvoiceDate == invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        && string.Equals(PoNumber, invoice.PoNumber ?? "", StringComparison.OrdinalIgnoreCase)
        && string.Equals(Currency, currency, StringComparison.OrdinalIgnoreCase)
        && NetPence == invoice.NetPence && VatPence == invoice.VatPence && GrossPence == invoice.GrossPence;
}

/// <summary>FIN/2000's money format (1,234.56).</summary>
internal static class FinanceMoney
{
    /// <summary>"1,234.56" as pence.</summary>
    /// <exception cref="FormatException">The text is not an amount.</exception>
    public static long Parse(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds)
            ? InvoiceItem.Pence(pounds)
            : throw new FormatException($"FIN/2000 showed '{text}' where an amount was expected.");
}
