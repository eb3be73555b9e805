namespace Samples.FinanceSystem.Data;

/// <summary>A supplier row.</summary>
public sealed class SupplierRow
{
    /// <summary>Account code (S10001).</summary>
    public string Code { get; set; } = "";
    /// <summary>Registered name.</summary>
    public string Name { get; set; } = "";
    /// <summary>VAT registration number.</summary>
    public string VatNumber { get; set; } = "";
    /// <summary>Postcode.</summary>
    public string Postcode { get; set; } = "";
    /// <summary>Invoicing currency.</summary>
    public string Currency { get; set; } = "";
    /// <summary>1 when the account is on stop (no invoices may be keyed).</summary>
    public long OnStop { get; set; }
}

/// <summary>A purchase-order row; money in pence (minor units).</summary>
public sealed class PurchaseOrderRow
{
    /// <summary>PO number.</summary>
    public string PoNumber { get; set; } = "";
    /// <summary>Supplier account code.</summary>
    public string SupplierCode { get; set; } = "";
    /// <summary>What was ordered.</summary>
    public string Description { get; set; } = "";
    /// <summary>Currency.</summary>
    public string Currency { get; set; } = "";
    /// <summary>Ordered amount, net.</summary>
    public long AmountPence { get; set; }
    /// <summary>Net already invoiced against it.</summary>
    public long InvoicedPence { get; set; }
    /// <summary>Date raised (yyyy-MM-dd).</summary>
    public string RaisedOn { get; set; } = "";
    /// <summary>Net still to be invoiced.</summary>
    public long OutstandingPence => AmountPence - InvoicedPence;
}

/// <summary>An invoice header row; money in pence.</summary>
public sealed class InvoiceRow
{
    /// <summary>The finance document number shown after saving.</summary>
    public long DocumentNumber { get; set; }
    /// <summary>Supplier account code.</summary>
    public string SupplierCode { get; set; } = "";
    /// <summary>The supplier's invoice number.</summary>
    public string InvoiceNumber { get; set; } = "";
    /// <summary>Invoice date (yyyy-MM-dd).</summary>
    public string InvoiceDate { get; set; } = "";
    /// <summary>PO number.</summary>
    public string PoNumber { get; set; } = "";
    /// <summary>Currency.</summary>
    public string Currency { get; set; } = "";
    /// <summary>Net total.</summary>
    public long NetPence { get; set; }
    /// <summary>VAT total.</summary>
    public long VatPence { get; set; }
    /// <summary>Gross total.</summary>
    public long GrossPence { get; set; }
    /// <summary>The document this one was confirmed as not duplicating, when the clerk overrode the warning.</summary>
    public long? DuplicateOf { get; set; }
    /// <summary>The user who keyed it.</summary>
    public string KeyedBy { get; set; } = "";
    /// <summary>When (UTC, ISO 8601).</summary>
    public string KeyedAt { get; set; } = "";
}

/// <summary>An invoice line row.</summary>
public sealed class InvoiceLineRow
{
    /// <summary>Document number.</summary>
    public long DocumentNumber { get; set; }
    /// <summary>1-based line number.</summary>
    public long LineNumber { get; set; }
    /// <summary>Description.</summary>
    public string Description { get; set; } = "";
    /// <summary>Quantity in thousandths.</summary>
    public long QuantityMilli { get; set; }
    /// <summary>Unit price in pence.</summary>
    public long UnitPricePence { get; set; }
    /// <summary>VAT rate in percent (0, 5 or 20).</summary>
    public long VatRate { get; set; }
    /// <summary>Line net.</summary>
    public long NetPence { get; set; }
    /// <summary>Line VAT.</summary>
    public long VatPence { get; set; }
}
