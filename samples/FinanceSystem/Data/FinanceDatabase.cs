using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Samples.LegacyKit;

namespace Samples.FinanceSystem.Data;

/// <summary>The finance system's SQLite database: opens connections, and creates and seeds the schema once.</summary>
public sealed class FinanceDatabase(IOptions<LegacyAppOptions> options)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.Value.DatabasePath,
        Pooling = true,
    }.ToString();

    static FinanceDatabase()
    {
        // Columns are snake_case; the row classes are PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>An open connection.</summary>
    public SqliteConnection Open()
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        return c;
    }

    /// <summary>Creates the tables and the seed data when the database is new.</summary>
    public void EnsureCreated()
    {
        var dir = Path.GetDirectoryName(options.Value.DatabasePath);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        using var c = Open();
        using var tx = c.BeginTransaction();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                PRAGMA journal_mode=WAL;
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
            cmd.ExecuteNonQuery();
        }

        FinanceSeed.Apply(c, tx);
        tx.Commit();
    }
}
