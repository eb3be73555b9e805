using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Samples.LegacyKit;

namespace Samples.FinanceSystem.Data;

/// <summary>The finance system's SQLite database: opens connections, and creates and seeds the schema once.</summary>
public sealed class FinanceDatabase(IOptions<LegacyAppOptions> options) : LegacyDatabase(options)
{
    /// <inheritdoc />
    protected override string Schema => """
            CREATE TABLE IF NOT EXISTS suppliers (
                code TEXT PRIMARY KEY, name TEXT NOT NULL, vat_number TEXT NOT NULL, postcode TEXT NOT NULL,
                currency TEXT NOT NULL, on_stop INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS purchase_orders (
                po_number TEXT PRIMARY KEY, supplier_code TEXT NOT NULL REFERENCES suppliers(code),
                description TEXT NOT NULL, currency TEXT NOT NULL, amount_pence INTEGER NOT NULL,
                invoiced_pence INTEGER NOT NULL DEFAULT 0, raised_on TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS invoices (
                document_number INTEGER PRIMARY KEY, supplier_code TEXT NOT NULL, invoice_number TEXT NOT NULL,
                invoice_date TEXT NOT NULL, po_number TEXT NOT NULL, currency TEXT NOT NULL,
                net_pence INTEGER NOT NULL, vat_pence INTEGER NOT NULL, gross_pence INTEGER NOT NULL,
                duplicate_of INTEGER NULL, keyed_by TEXT NOT NULL, keyed_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_invoices_supplier_ref ON invoices(supplier_code, invoice_number);
            CREATE TABLE IF NOT EXISTS invoice_lines (
                document_number INTEGER NOT NULL REFERENCES invoices(document_number), line_number INTEGER NOT NULL,
                description TEXT NOT NULL, quantity_milli INTEGER NOT NULL, unit_price_pence INTEGER NOT NULL,
                vat_rate INTEGER NOT NULL, net_pence INTEGER NOT NULL, vat_pence INTEGER NOT NULL,
                PRIMARY KEY (document_number, line_number));
        """;

    /// <inheritdoc />
    protected override void Seed(SqliteConnection connection, SqliteTransaction transaction) => FinanceSeed.Apply(connection, transaction);
}
