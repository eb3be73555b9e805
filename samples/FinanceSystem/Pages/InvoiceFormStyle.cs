namespace Samples.FinanceSystem.Pages;

/// <summary>
/// The names, ids and labels of the invoice entry form. The classic style is the 2003 screen (cryptic labels,
/// a grid); the restyle (setting <c>Finance:Restyle</c>) is the "new look" release: other labels, ids, field
/// names, order and layout, as a supplier upgrade would bring. Line inputs carry no visible labels in either
/// style, only a title (classic) or aria-label (restyle), as such grids usually do.
/// </summary>
public sealed record InvoiceFormStyle(
    string Supplier, string SupplierLabel,
    string InvoiceNumber, string InvoiceNumberLabel,
    string Date, string DateLabel,
    string PoNumber, string PoNumberLabel,
    string Currency, string CurrencyLabel,
    string LinePrefix, string DescriptionTitle, string QuantityTitle, string PriceTitle, string VatTitle,
    string Override, string OverrideLabel,
    string AddLineText, string CalcText, string SaveText)
{
    /// <summary>The 2003 screen.</summary>
    public static InvoiceFormStyle Classic { get; } = new(
        "txtSuppAc", "Supp A/C",
        "txtInvRef", "Inv Ref",
        "txtInvDt", "Inv Dt (DD/MM/YYYY)",
        "txtPoNo", "P/O No",
        "ddlCcy", "Ccy",
        "grdLn", "Desc ln {0}", "Qty ln {0}", "Unit Pr ln {0}", "VAT % ln {0}",
        "chkOvrDup", "Ovr dup",
        "Add Ln", "Calc", "Save");

    /// <summary>The restyled release.</summary>
    public static InvoiceFormStyle Restyled { get; } = new(
        "supplierAccount", "Supplier account",
        "supplierInvoiceNo", "Supplier's invoice number",
        "invoiceDate", "Invoice date",
        "purchaseOrder", "Purchase order",
        "currencyCode", "Currency",
        "item", "Item {0} description", "Item {0} quantity", "Item {0} unit price", "Item {0} VAT rate",
        "confirmNotDuplicate", "I have checked this is not a duplicate",
        "Add another item", "Recalculate", "Post invoice");

    /// <summary>The name (and id) of line <paramref name="n"/>'s <paramref name="part"/> (desc, qty, price, vat).</summary>
    public string LineField(int n, string part) => $"{LinePrefix}_{n}_{part}";
}
