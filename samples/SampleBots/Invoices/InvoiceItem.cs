using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;

namespace Samples.Bots.Invoices;

/// <summary>How the item names its supplier: the finance system's account number, the registered name, the VAT number, or several.</summary>
internal sealed record SupplierReference(string? Number, string? Name, string? VatNumber)
{
    /// <summary>The supplier as a person would name it in a message.</summary>
    public override string ToString() =>
        string.Join(" ", new[] { Number, Name is null ? null : $"'{Name}'", VatNumber is null ? null : $"(VAT {VatNumber})" }.Where(p => p is not null));
}

/// <summary>One invoice line with its VAT rate and its net and VAT in pence, rounded as the finance system rounds them.</summary>
internal sealed record InvoiceLine(string Description, decimal Quantity, decimal UnitPrice, string VatCode, int VatRate)
{
    /// <summary>Quantity × unit price, to the penny (half away from zero).</summary>
    public long NetPence => (long)Math.Round(Quantity * UnitPrice * 100m, MidpointRounding.AwayFromZero);

    /// <summary>Net × rate, to the penny (half away from zero).</summary>
    public long VatPence => (long)Math.Round(NetPence * VatRate / 100m, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A supplier invoice as the <c>supplier-invoices</c> queue carries it (see <c>supplier-invoices.queue.json</c>), read
/// and checked once so the rest of the bot works with typed values.
/// </summary>
internal sealed record InvoiceItem(
    SupplierReference Supplier, string InvoiceNumber, DateOnly InvoiceDate, string? PoNumber, string? Currency,
    IReadOnlyList<InvoiceLine> Lines, decimal? ExpectedNet, decimal? ExpectedVat, decimal? ExpectedTotal)
{
    /// <summary>The VAT codes an item may use and the rate each means (UK standard, reduced, zero).</summary>
    public static readonly IReadOnlyDictionary<string, int> VatCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["S"] = 20, ["R"] = 5, ["Z"] = 0,
    };

    /// <summary>Net total in pence (sum of the lines).</summary>
    public long NetPence => Lines.Sum(l => l.NetPence);

    /// <summary>VAT total in pence (sum of the lines).</summary>
    public long VatPence => Lines.Sum(l => l.VatPence);

    /// <summary>Gross total in pence.</summary>
    public long GrossPence => NetPence + VatPence;

    /// <summary>Reads an item's data.</summary>
    /// <exception cref="BusinessException">A field is missing or malformed (code <c>invalid-data</c>), or the expected totals disagree with the lines (code <c>total-mismatch</c>); the message names the field.</exception>
    public static InvoiceItem Parse(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var supplier = data["supplier"] as JsonObject ?? throw Invalid("supplier is required: an object with number, name or vatNumber.");
        var reference = new SupplierReference(Text(supplier, "number", "supplier.number")?.ToUpperInvariant(), Text(supplier, "name", "supplier.name"), Text(supplier, "vatNumber", "supplier.vatNumber"));
        if (reference is { Number: null, Name: null, VatNumber: null })
            throw Invalid("supplier needs a number, a name or a vatNumber.");

        var invoiceNumber = Text(data, "invoiceNumber", "invoiceNumber") ?? throw Invalid("invoiceNumber is required.");
        if (invoiceNumber.Length > 30) throw Invalid($"invoiceNumber '{invoiceNumber}' is longer than the finance system's 30 characters.");
        var dateText = Text(data, "invoiceDate", "invoiceDate") ?? throw Invalid("invoiceDate is required (YYYY-MM-DD).");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Invalid($"invoiceDate '{dateText}' is not a date in the form YYYY-MM-DD.");
        var currency = Text(data, "currency", "currency")?.ToUpperInvariant();

        if (data["lines"] is not JsonArray lines || lines.Count == 0) throw Invalid("lines is required: at least one line.");
        var parsed = new List<InvoiceLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var path = $"lines[{i}]";
            if (lines[i] is not JsonObject line) throw Invalid($"{path} must be an object.");
            var description = Text(line, "description", path + ".description") ?? throw Invalid($"{path}.description is required.");
            var quantity = Number(line, "quantity", path + ".quantity") ?? throw Invalid($"{path}.quantity is required.");
            var price = Number(line, "unitPrice", path + ".unitPrice") ?? throw Invalid($"{path}.unitPrice is required.");
            var code = Text(line, "vatCode", path + ".vatCode") ?? throw Invalid($"{path}.vatCode is required (S, R or Z).");
            if (!VatCodes.TryGetValue(code, out var rate)) throw Invalid($"{path}.vatCode '{code}' is not a VAT code: use S (20%), R (5%) or Z (0%).");
            if (quantity <= 0) throw Invalid($"{path}.quantity must be more than 0.");
            if (price < 0) throw Invalid($"{path}.unitPrice must not be negative.");
            parsed.Add(new InvoiceLine(description, quantity, price, code.ToUpperInvariant(), rate));
        }

        var item = new InvoiceItem(reference, invoiceNumber, date, Text(data, "poNumber", "poNumber"), currency, parsed,
            Number(data, "net", "net"), Number(data, "vat", "vat"), Number(data, "total", "total"));
        item.CheckExpectedTotals();
        return item;
    }

    // A person typed the totals off the document; lines that do not add up to them mean the data is wrong somewhere.
    private void CheckExpectedTotals()
    {
        var wrong = new List<string>();
        if (ExpectedNet is { } net && Pence(net) != NetPence) wrong.Add($"net {Money(Pence(net))} (lines give {Money(NetPence)})");
        if (ExpectedVat is { } vat && Pence(vat) != VatPence) wrong.Add($"VAT {Money(Pence(vat))} (lines give {Money(VatPence)})");
        if (ExpectedTotal is { } total && Pence(total) != GrossPence) wrong.Add($"total {Money(Pence(total))} (lines give {Money(GrossPence)})");
        if (wrong.Count > 0)
            throw new BusinessException($"The invoice's lines do not add up to its stated {string.Join(", ", wrong)}.", InvoiceExceptionCodes.TotalMismatch);
    }

    /// <summary>Pounds as pence.</summary>
    public static long Pence(decimal pounds) => (long)Math.Round(pounds * 100m, MidpointRounding.AwayFromZero);

    /// <summary>Pence as 1,234.56 (the finance system's format).</summary>
    public static string Money(long pence) => (pence / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static BusinessException Invalid(string message) => new("The invoice data is not valid: " + message, InvoiceExceptionCodes.InvalidData);

    private static string? Text(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim() is { Length: > 0 } s ? s : null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        var other => throw Invalid($"{path} must be text, not {other.ToJsonString()}."),
    };

    private static decimal? Number(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && decimal.TryParse(v.GetValue<string>().Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        var other => throw Invalid($"{path} must be a number, not {other.ToJsonString()}."),
    };
}
