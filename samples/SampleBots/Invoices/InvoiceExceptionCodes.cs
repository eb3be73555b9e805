namespace Samples.Bots.Invoices;

/// <summary>The codes of the business exceptions the invoice entry bot raises (a person deals with each; none is retried).</summary>
public static class InvoiceExceptionCodes
{
    /// <summary>No supplier in the finance system matches the item's supplier number, name or VAT number (or several do).</summary>
    public const string UnknownSupplier = "unknown-supplier";

    /// <summary>The purchase order does not exist, was raised for another supplier or currency, or has too little left for the invoice.</summary>
    public const string PoMismatch = "po-mismatch";

    /// <summary>The finance system refused the invoice with a validation message (E1xx), quoted in the reason.</summary>
    public const string FinanceValidation = "finance-validation";

    /// <summary>The supplier's invoice number is already posted, and not by an earlier attempt of this item.</summary>
    public const string DuplicateInvoice = "duplicate-invoice";

    /// <summary>The item's data is missing a field or has a malformed one.</summary>
    public const string InvalidData = "invalid-data";

    /// <summary>The lines do not add up to the net, VAT or total stated on the item.</summary>
    public const string TotalMismatch = "total-mismatch";
}
