using System.Net.Http.Json;
using System.Text.Json;
using Automation.Samples.Tests.Support;

namespace Automation.Samples.Tests.Invoices;

/// <summary>What FIN/2000's /testing API says it holds (money in pounds).</summary>
internal static class FinanceData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<List<AppInvoice>> InvoicesAsync(RunningApp app) => GetAsync<AppInvoice>(app, "testing/invoices");

    public static Task<List<AppSupplier>> SuppliersAsync(RunningApp app) => GetAsync<AppSupplier>(app, "testing/suppliers");

    public static Task<List<AppPurchaseOrder>> PurchaseOrdersAsync(RunningApp app) => GetAsync<AppPurchaseOrder>(app, "testing/purchase-orders");

    private static async Task<List<T>> GetAsync<T>(RunningApp app, string path)
    {
        using var http = app.TestingClient();
        return await http.GetFromJsonAsync<List<T>>(path, Json) ?? [];
    }
}

internal sealed record AppInvoice(
    long DocumentNumber, string SupplierCode, string InvoiceNumber, string InvoiceDate, string PoNumber, string Currency,
    decimal Net, decimal Vat, decimal Gross, long? DuplicateOf, string KeyedBy, List<AppInvoiceLine> Lines);

internal sealed record AppInvoiceLine(int LineNumber, string Description, decimal Quantity, decimal UnitPrice, int VatRate, decimal Net, decimal Vat);

internal sealed record AppSupplier(string Code, string Name, string VatNumber, string Currency, bool OnStop);

internal sealed record AppPurchaseOrder(string PoNumber, string SupplierCode, string Currency, decimal Amount, decimal Outstanding);
