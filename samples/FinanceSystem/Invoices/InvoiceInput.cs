namespace Samples.FinanceSystem.Invoices;

/// <summary>One line as typed on the form (raw text, so the form shows back exactly what was keyed).</summary>
public sealed record InvoiceLineInput(string Description, string Quantity, string UnitPrice, string VatRate)
{
    /// <summary>True when nothing was typed on the line; blank lines are ignored on save.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(UnitPrice);

    /// <summary>An empty line.</summary>
    public static InvoiceLineInput Empty { get; } = new("", "", "", "20");
}

/// <summary>The invoice entry form as posted.</summary>
public sealed class InvoiceInput
{
    /// <summary>Supplier account code.</summary>
    public string Supplier { get; set; } = "";
    /// <summary>The supplier's invoice number.</summary>
    public string InvoiceNumber { get; set; } = "";
    /// <summary>Invoice date as typed (DD/MM/YYYY or YYYY-MM-DD).</summary>
    public string Date { get; set; } = "";
    /// <summary>PO number.</summary>
    public string PoNumber { get; set; } = "";
    /// <summary>Currency code.</summary>
    public string Currency { get; set; } = "GBP";
    /// <summary>The lines, blank ones included.</summary>
    public List<InvoiceLineInput> Lines { get; } = [];
    /// <summary>The clerk ticked "not a duplicate" after the warning.</summary>
    public bool OverrideDuplicate { get; set; }
}
