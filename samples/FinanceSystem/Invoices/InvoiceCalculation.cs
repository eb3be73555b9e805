using System.Globalization;

namespace Samples.FinanceSystem.Invoices;

/// <summary>A line checked and priced: <paramref name="FormLine"/> is its row on the form, <paramref name="LineNumber"/> its number when saved (blank rows skipped); quantity in thousandths, money in pence.</summary>
public sealed record PricedLine(int FormLine, int LineNumber, string Description, long QuantityMilli, long UnitPricePence, int VatRate, long NetPence, long VatPence);

/// <summary>A validation message with the legacy code the screen shows, and the form field it is about.</summary>
public sealed record InvoiceMessage(string Code, string Field, string Text);

/// <summary>
/// Parses and prices the form: line net = quantity × unit price, line VAT = net × rate, each rounded half
/// away from zero to the penny, as the system's batch job did; totals are the sums of the lines.
/// </summary>
public static class InvoiceCalculation
{
    /// <summary>The VAT rates the system knows (UK standard, reduced, zero).</summary>
    public static readonly int[] VatRates = [20, 5, 0];

    /// <summary>The currencies the system knows.</summary>
    public static readonly string[] Currencies = ["GBP", "EUR", "USD"];

    /// <summary>Prices the non-blank lines; unparseable lines add messages instead.</summary>
    public static List<PricedLine> Price(InvoiceInput input, List<InvoiceMessage> messages)
    {
        var priced = new List<PricedLine>();
        var n = 0;
        foreach (var line in input.Lines)
        {
            n++;
            if (line.IsBlank)
            {
                continue;
            }

            var ok = true;
            if (string.IsNullOrWhiteSpace(line.Description))
            {
                messages.Add(new("E121", $"ln{n}.desc", $"Ln {n}: Desc mandatory"));
                ok = false;
            }

            if (!TryDecimal(line.Quantity, 3, out var qty) || qty <= 0)
            {
                messages.Add(new("E122", $"ln{n}.qty", $"Ln {n}: Qty must be > 0 (max 3 dp)"));
                ok = false;
            }

            if (!TryDecimal(line.UnitPrice, 2, out var price) || price < 0)
            {
                messages.Add(new("E123", $"ln{n}.price", $"Ln {n}: Unit Pr invalid (0 or more, max 2 dp)"));
                ok = false;
            }

            if (!int.TryParse(line.VatRate.Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) || !VatRates.Contains(rate))
            {
                messages.Add(new("E124", $"ln{n}.vat", $"Ln {n}: VAT code must be 20, 5 or 0"));
                ok = false;
            }

            if (ok)
            {
                var net = (long)Math.Round(qty * price * 100m, MidpointRounding.AwayFromZero);
                var vat = (long)Math.Round(net * rate / 100m, MidpointRounding.AwayFromZero);
                priced.Add(new(n, priced.Count + 1, line.Description.Trim(), (long)(qty * 1000m), (long)(price * 100m), rate, net, vat));
            }
        }

        return priced;
    }

    /// <summary>Parses the date as DD/MM/YYYY or YYYY-MM-DD.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Pence as 1,234.56.</summary>
    public static string Money(long pence) => (pence / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static bool TryDecimal(string text, int maxDecimals, out decimal value)
    {
        var t = text.Trim().Replace(",", "", StringComparison.Ordinal).TrimStart('£', '€', '$');
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) || value > 10_000_000m)
        {
            return false;
        }

        return decimal.Round(value, maxDecimals) == value;
    }
}
