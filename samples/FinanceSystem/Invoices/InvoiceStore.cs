using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Samples.FinanceSystem.Data;

namespace Samples.FinanceSystem.Invoices;

/// <summary>What checking or saving an invoice gave: the document number when saved, else the messages.</summary>
public sealed record InvoiceOutcome(long? DocumentNumber, IReadOnlyList<InvoiceMessage> Messages, long? DuplicateOf, IReadOnlyList<PricedLine> Lines)
{
    /// <summary>Net total in pence.</summary>
    public long NetPence => Lines.Sum(l => l.NetPence);

    /// <summary>VAT total in pence.</summary>
    public long VatPence => Lines.Sum(l => l.VatPence);
}

/// <summary>
/// Checks an invoice against the supplier and purchase-order files and posts it. Posting runs in one
/// immediate (write-locked) transaction, so two clerks keying the same invoice at once cannot both pass
/// the duplicate check, and document numbers never repeat.
/// </summary>
public sealed class InvoiceStore(FinanceDatabase database, TimeProvider clock)
{
    /// <summary>The first document number a new database gives.</summary>
    public const long FirstDocumentNumber = 5100000001;

    // One writer at a time in this process: SQLite would serialise the immediate transactions anyway, but by
    // making the losers sleep and retry on SQLITE_BUSY; a lock queues them without the sleeps.
    private readonly Lock writeGate = new();

    /// <summary>Validates and prices without saving (the Calc button).</summary>
    public InvoiceOutcome Check(InvoiceInput input)
    {
        using var c = database.Open();
        var messages = new List<InvoiceMessage>();
        var lines = Validate(c, null, input, messages, out var duplicateOf);
        return new(null, messages, duplicateOf, lines);
    }

    /// <summary>Validates and, when there are no errors (and a duplicate was confirmed), posts the invoice.</summary>
    public InvoiceOutcome Save(InvoiceInput input, string user)
    {
        lock (writeGate)
        {
            return SaveLocked(input, user);
        }
    }

    private InvoiceOutcome SaveLocked(InvoiceInput input, string user)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        var messages = new List<InvoiceMessage>();
        var lines = Validate(c, tx, input, messages, out var duplicateOf);
        if (duplicateOf is not null && !input.OverrideDuplicate)
        {
            messages.Add(new("W201", "dup", $"W201 Possible duplicate: Supp A/C {input.Supplier.Trim().ToUpperInvariant()} Inv Ref {input.InvoiceNumber.Trim()} already posted as Doc No {duplicateOf}. Tick override to post anyway."));
        }

        if (messages.Count > 0)
        {
            return new(null, messages, duplicateOf, lines);
        }

        var doc = c.ExecuteScalar<long?>("SELECT MAX(document_number) FROM invoices", transaction: tx) + 1 ?? FirstDocumentNumber;
        InvoiceCalculation.TryDate(input.Date, out var date);
        var net = lines.Sum(l => l.NetPence);
        var vat = lines.Sum(l => l.VatPence);
        c.Execute(
            """
            INSERT INTO invoices (document_number, supplier_code, invoice_number, invoice_date, po_number, currency, net_pence, vat_pence, gross_pence, duplicate_of, keyed_by, keyed_at)
            VALUES (@doc, @supplier, @number, @date, @po, @currency, @net, @vat, @gross, @dup, @user, @at)
            """,
            new
            {
                doc,
                supplier = input.Supplier.Trim().ToUpperInvariant(),
                number = input.InvoiceNumber.Trim(),
                date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                po = input.PoNumber.Trim(),
                currency = input.Currency.Trim().ToUpperInvariant(),
                net,
                vat,
                gross = net + vat,
                dup = duplicateOf,
                user,
                at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
            tx);
        foreach (var l in lines)
        {
            c.Execute(
                "INSERT INTO invoice_lines VALUES (@doc, @LineNumber, @Description, @QuantityMilli, @UnitPricePence, @VatRate, @NetPence, @VatPence)",
                new { doc, l.LineNumber, l.Description, l.QuantityMilli, l.UnitPricePence, l.VatRate, l.NetPence, l.VatPence },
                tx);
        }

        c.Execute("UPDATE purchase_orders SET invoiced_pence = invoiced_pence + @net WHERE po_number = @po", new { net, po = input.PoNumber.Trim() }, tx);
        tx.Commit();
        return new(doc, messages, duplicateOf, lines);
    }

    private List<PricedLine> Validate(SqliteConnection c, SqliteTransaction? tx, InvoiceInput input, List<InvoiceMessage> messages, out long? duplicateOf)
    {
        duplicateOf = null;
        var code = input.Supplier.Trim().ToUpperInvariant();
        SupplierRow? supplier = null;
        if (code.Length == 0)
        {
            messages.Add(new("E101", "supplier", "E101 Supp A/C mandatory"));
        }
        else
        {
            supplier = c.QueryFirstOrDefault<SupplierRow>("SELECT * FROM suppliers WHERE code = @code", new { code }, tx);
            if (supplier is null)
            {
                messages.Add(new("E102", "supplier", $"E102 Supp A/C {code} not on file"));
            }
            else if (supplier.OnStop != 0)
            {
                messages.Add(new("E103", "supplier", $"E103 Supp A/C {code} is ON STOP - refer to AP supervisor"));
            }
        }

        var number = input.InvoiceNumber.Trim();
        if (number.Length == 0 || number.Length > 30)
        {
            messages.Add(new("E104", "invoiceNumber", "E104 Inv Ref mandatory (max 30 chars)"));
        }

        if (!InvoiceCalculation.TryDate(input.Date, out var date))
        {
            messages.Add(new("E105", "date", "E105 Inv Dt invalid - use DD/MM/YYYY"));
        }
        else if (date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
        {
            messages.Add(new("E106", "date", "E106 Inv Dt cannot be in the future"));
        }

        var currency = input.Currency.Trim().ToUpperInvariant();
        if (!InvoiceCalculation.Currencies.Contains(currency))
        {
            messages.Add(new("E107", "currency", "E107 Ccy invalid"));
        }

        var lines = InvoiceCalculation.Price(input, messages);
        if (lines.Count == 0 && !messages.Any(m => m.Field.StartsWith("ln", StringComparison.Ordinal)))
        {
            messages.Add(new("E120", "ln1.desc", "E120 At least 1 line required"));
        }

        var poNumber = input.PoNumber.Trim();
        if (poNumber.Length == 0)
        {
            messages.Add(new("E110", "po", "E110 P/O No mandatory"));
        }
        else
        {
            var po = c.QueryFirstOrDefault<PurchaseOrderRow>("SELECT * FROM purchase_orders WHERE po_number = @poNumber", new { poNumber }, tx);
            if (po is null)
            {
                messages.Add(new("E111", "po", $"E111 P/O {poNumber} not found"));
            }
            else
            {
                if (supplier is not null && po.SupplierCode != supplier.Code)
                {
                    messages.Add(new("E112", "po", $"E112 P/O {poNumber} raised for Supp A/C {po.SupplierCode}, not {supplier.Code}"));
                }

                if (InvoiceCalculation.Currencies.Contains(currency) && po.Currency != currency)
                {
                    messages.Add(new("E113", "currency", $"E113 Ccy {currency} differs from P/O Ccy {po.Currency}"));
                }

                var net = lines.Sum(l => l.NetPence);
                if (net > po.OutstandingPence)
                {
                    messages.Add(new("E114", "po", $"E114 Inv net {InvoiceCalculation.Money(net)} exceeds P/O o/s amt {InvoiceCalculation.Money(po.OutstandingPence)}"));
                }
            }
        }

        if (code.Length > 0 && number.Length > 0)
        {
            duplicateOf = c.ExecuteScalar<long?>(
                "SELECT MIN(document_number) FROM invoices WHERE supplier_code = @code AND lower(invoice_number) = lower(@number)",
                new { code, number },
                tx);
        }

        return lines;
    }
}
