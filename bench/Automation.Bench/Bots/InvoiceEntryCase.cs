using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Queues;
using Samples.Bots.Invoices;
using Samples.FinanceSystem;

namespace Automation.Bench.Bots;

/// <summary>
/// The invoice-entry bot against FIN/2000 (samples/FinanceSystem, fresh database, in this process). Items are shaped as
/// the invoice-intake workflow queues them (the invoice as data, reference <c>supplier/invoice number</c>, the shipped
/// supplier-invoices schema): one to three lines each, every VAT code, the supplier named by number, name, both or VAT
/// number in turn, spread over the seeded suppliers that are not on stop and their large purchase orders.
/// </summary>
internal sealed class InvoiceEntryCase : BotBenchCase
{
    private const string Credential = "finance-bot";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Descriptions = ["Pothole repairs, Mill Lane", "Toner cartridges (black)", "Grass cutting - parks", "Care hours, week 12", "Minibus hire", "Trade waste lift"];
    private static readonly decimal[] Quantities = [1m, 2m, 1.5m, 3m, 0.25m];
    private static readonly decimal[] Prices = [125.00m, 19.99m, 250.50m, 0.37m, 84.10m, 342.86m];
    private static readonly string[] VatCodes = ["S", "R", "Z", "S"];
    private readonly SampleApp _finance;
    private readonly List<Supplier> _suppliers;
    private readonly List<Order> _orders;
    private readonly Dictionary<string, (string Supplier, string InvoiceNumber, long GrossPence, int Lines)> _expected = [];
    private int _next;

    private InvoiceEntryCase(SampleApp finance, List<Supplier> suppliers, List<Order> orders)
    {
        _finance = finance;
        _suppliers = suppliers;
        _orders = orders;
    }

    public override IQueueBot Bot { get; } = new InvoiceEntryBot();

    public override string ItemIs => "one supplier invoice (1–3 lines): supplier look-up, duplicate check, PO check, header and lines keyed, saved, document number read";

    public override string Target => $"FIN/2000 (samples/FinanceSystem) in this process at {_finance.Address}";

    public override JsonObject Settings => new() { ["baseUrl"] = _finance.Address.ToString(), ["credential"] = Credential };

    public override JsonObject? DataSchema => SupplierInvoicesQueue.DataSchema();

    public static async Task<InvoiceEntryCase> StartAsync()
    {
        var finance = await SampleApp.StartAsync(FinanceApp.Create, FinanceApp.Section).ConfigureAwait(false);
        using var http = finance.TestingClient();
        var suppliers = (await http.GetFromJsonAsync<List<Supplier>>("testing/suppliers", Json).ConfigureAwait(false))!
            .Where(s => !s.OnStop).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var orders = (await http.GetFromJsonAsync<List<Order>>("testing/purchase-orders", Json).ConfigureAwait(false))!
            .Where(o => o.Amount >= 25_000m).OrderBy(o => o.PoNumber, StringComparer.Ordinal).ToList();
        return new InvoiceEntryCase(finance, suppliers, orders);
    }

    public override Task SaveCredentialsAsync(CredentialVault vault) =>
        vault.SaveAsync(new CredentialInput(Credential, CredentialKinds.UsernamePassword.Name, null,
            new JsonObject { ["username"] = SampleApp.User }, new Dictionary<string, string?> { ["password"] = SampleApp.Password }), "bench");

    public override Task<IReadOnlyList<NewQueueItem>> ItemsAsync(int count, string batch)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var items = new List<NewQueueItem>();
        for (var n = 0; n < count; n++)
        {
            var i = _next++;
            var s = _suppliers[i % _suppliers.Count];
            var mine = _orders.Where(o => o.SupplierCode == s.Code).ToList();
            var po = mine[(i / _suppliers.Count) % mine.Count];
            var invoiceNumber = $"BB-{batch}-{1000 + i}";
            var lines = new JsonArray();
            long gross = 0;
            for (var k = 0; k < 1 + (i % 3); k++)
            {
                var (quantity, price, code) = (Quantities[(i + 2 * k) % Quantities.Length], Prices[(3 * i + k) % Prices.Length], VatCodes[(i + k) % VatCodes.Length]);
                var net = (long)Math.Round(quantity * price * 100m, MidpointRounding.AwayFromZero);
                gross += net + (long)Math.Round(net * (code switch { "S" => 20, "R" => 5, _ => 0 }) / 100m, MidpointRounding.AwayFromZero);
                lines.Add(new JsonObject
                {
                    ["description"] = $"{Descriptions[(i + k) % Descriptions.Length]} #{i}-{k + 1}", ["quantity"] = quantity, ["unitPrice"] = price, ["vatCode"] = code,
                });
            }

            var supplier = new JsonObject();
            var style = i % 4;
            if (style is 0 or 2) supplier["number"] = s.Code;
            if (style is 1 or 2) supplier["name"] = s.Name;
            if (style == 3) supplier["vatNumber"] = s.VatNumber;
            var data = new JsonObject
            {
                ["supplier"] = supplier, ["invoiceNumber"] = invoiceNumber,
                ["invoiceDate"] = today.AddDays(-1 - (i % 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["poNumber"] = po.PoNumber, ["lines"] = lines,
            };
            if (i % 2 == 0) data["currency"] = s.Currency;
            // As invoice-intake makes it: (number || vatNumber || name) + '/' + invoiceNumber.
            var reference = $"{(string?)supplier["number"] ?? (string?)supplier["vatNumber"] ?? (string?)supplier["name"]}/{invoiceNumber}";
            _expected[reference] = (s.Code, invoiceNumber, gross, lines.Count);
            items.Add(new NewQueueItem { Reference = reference, Data = data });
        }

        return Task.FromResult<IReadOnlyList<NewQueueItem>>(items);
    }

    public override async Task<BotCheck> CheckAsync(IReadOnlyList<QueueItem> successful)
    {
        using var http = _finance.TestingClient();
        var posted = (await http.GetFromJsonAsync<List<Posted>>("testing/invoices", Json).ConfigureAwait(false))!
            .ToDictionary(p => p.DocumentNumber.ToString(CultureInfo.InvariantCulture));
        var problems = new List<string>();
        foreach (var item in successful)
        {
            var expected = _expected[item.Reference!];
            var document = item.Output?["documentNumber"]?.ToString();
            if (document is null || !posted.TryGetValue(document, out var p)) problems.Add($"{item.Reference}: document {document ?? "(none)"} is not in FIN/2000");
            else if (p.SupplierCode != expected.Supplier || p.InvoiceNumber != expected.InvoiceNumber || (long)Math.Round(p.Gross * 100m) != expected.GrossPence || p.Lines.Count != expected.Lines)
                problems.Add($"{item.Reference}: FIN/2000 holds {p.SupplierCode} {p.InvoiceNumber} gross {p.Gross} with {p.Lines.Count} lines");
        }

        var right = successful.Count - problems.Count;
        problems.AddRange(posted.Values.GroupBy(p => (p.SupplierCode, p.InvoiceNumber)).Where(g => g.Count() > 1).Select(g => $"{g.Key.InvoiceNumber} posted {g.Count()} times"));
        return new BotCheck(right, problems);
    }

    public override async ValueTask DisposeAsync() => await _finance.DisposeAsync().ConfigureAwait(false);

    private sealed record Supplier(string Code, string Name, string VatNumber, string Currency, bool OnStop);

    private sealed record Order(string PoNumber, string SupplierCode, decimal Amount);

    private sealed record Posted(long DocumentNumber, string SupplierCode, string InvoiceNumber, decimal Gross, List<JsonObject> Lines);
}
