using System.Text.Json.Nodes;

namespace Samples.Bots.Invoices;

/// <summary>
/// The <c>supplier-invoices</c> queue the invoice entry bot clears: its settings and item schema, shipped as
/// <c>supplier-invoices.queue.json</c> (the body of <c>PUT /api/queues/supplier-invoices</c>).
/// </summary>
public static class SupplierInvoicesQueue
{
    /// <summary>The queue's name.</summary>
    public const string Name = "supplier-invoices";

    private const string Resource = "Samples.Bots.Invoices.supplier-invoices.queue.json";

    /// <summary>The queue's settings as the queues API takes them (description, duplicate policy, attempts, lease, <c>dataSchema</c>).</summary>
    /// <exception cref="InvalidOperationException">The file is missing from the assembly (a broken build).</exception>
    public static JsonObject Settings()
    {
        using var stream = typeof(SupplierInvoicesQueue).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from {typeof(SupplierInvoicesQueue).Assembly.GetName().Name}.");
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException($"{Resource} is empty.");
    }

    /// <summary>The JSON Schema every item's data must match.</summary>
    public static JsonObject DataSchema() => Settings()["dataSchema"]!.AsObject();
}
