using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Samples.Bots.Invoices;

/// <summary>
/// Keys a supplier invoice from the <c>supplier-invoices</c> queue into FIN/2000 (the finance system sample): signs on,
/// finds the supplier, makes sure the invoice is not already posted, checks the purchase order, keys the header and
/// lines, saves, and returns the finance document number with the totals.
/// </summary>
/// <remarks>
/// <para>Settings: <c>baseUrl</c> (FIN/2000's address), <c>credential</c> (a user name and password credential), and
/// optionally <c>timeoutSeconds</c> (how long a field is waited for; 15).</para>
/// <para>Business exceptions (codes in <see cref="InvoiceExceptionCodes"/>): unknown supplier, purchase-order mismatch,
/// the system's own validation messages, a real duplicate, bad item data. A retry of an item whose earlier attempt
/// posted the invoice before it could be recorded (a crash, a lost response) finds that posting and returns its
/// document number instead of keying the invoice again.</para>
/// </remarks>
public sealed partial class InvoiceEntryBot : IQueueBot
{
    /// <summary>The bot's name in the bot host's configuration.</summary>
    public const string BotName = "invoice-entry";

    /// <inheritdoc />
    public string Name => BotName;

    /// <inheritdoc />
    /// <exception cref="BusinessException">The invoice cannot be keyed as it is; <see cref="BusinessException.Code"/> is one of <see cref="InvoiceExceptionCodes"/>.</exception>
    /// <exception cref="InvalidOperationException">A setting or the credential is missing or wrong, or FIN/2000 refused the sign-on.</exception>
    /// <exception cref="KeyNotFoundException">The credential named in the settings does not exist.</exception>
    /// <exception cref="PlaywrightException">The browser or the page failed (the item is retried).</exception>
    public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var invoice = InvoiceItem.Parse(context.Item.Data);
        var session = await OpenSessionAsync(context, cancellationToken).ConfigureAwait(false);

        var supplier = await session.RunAsync("look up the supplier", () => LookUpSupplierAsync(session, invoice.Supplier)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        // Before the order's outstanding amount is checked: an earlier attempt's posting has already used some of it.
        var posted = await session.RunAsync("look for the invoice already posted", () => FindPostedAsync(session, supplier.Code, invoice.InvoiceNumber)).ConfigureAwait(false);
        var currency = invoice.Currency ?? supplier.Currency;
        if (posted.Count > 0) return AlreadyPosted(context, invoice, posted, currency);

        FinancePurchaseOrder? order = null;
        if (invoice.PoNumber is { } poNumber)
            order = await session.RunAsync("check the purchase order", () => CheckPurchaseOrderAsync(session, invoice, poNumber, supplier)).ConfigureAwait(false);
        currency ??= order?.Currency ?? "GBP";
        cancellationToken.ThrowIfCancellationRequested();

        // From here the invoice may be posted: no cancellation until the outcome is known, so a stopping host never
        // gives back an item whose invoice is already in the ledger.
        var (document, messages) = await session.RunAsync("key the invoice", () => KeyAsync(session, invoice, supplier.Code, currency)).ConfigureAwait(false);
        if (document is { } number)
        {
            context.Logger.LogInformation("Invoice {InvoiceNumber} of {Supplier} posted as document {DocumentNumber}", invoice.InvoiceNumber, supplier.Code, number);
            return Output(number, supplier.Code, invoice, currency, alreadyPosted: false);
        }

        if (messages.All(m => m.StartsWith(DuplicateWarning, StringComparison.Ordinal)))
        {
            // Posted between the look-up and the save (another worker holding a retried item, or a clerk).
            var again = await session.RunAsync("look for the invoice already posted", () => FindPostedAsync(session, supplier.Code, invoice.InvoiceNumber)).ConfigureAwait(false);
            if (again.Count > 0) return AlreadyPosted(context, invoice, again, currency);
            throw new InvalidOperationException($"FIN/2000 warned that invoice {invoice.InvoiceNumber} of {supplier.Code} is a duplicate, but AP11 does not list it: {string.Join(" / ", messages)}");
        }

        throw Refused(messages.Where(m => !m.StartsWith(DuplicateWarning, StringComparison.Ordinal)).ToList());
    }

    private const string DuplicateWarning = "W201";

    private static async Task<FinanceSession> OpenSessionAsync(BotItemContext context, CancellationToken cancellationToken)
    {
        var baseUrl = context.Setting("baseUrl")
            ?? throw new InvalidOperationException($"The {BotName} bot needs the setting 'baseUrl': the address of FIN/2000 (for example http://finance.council.local/).");
        if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"The {BotName} bot's setting 'baseUrl' ('{baseUrl}') is not an http or https address.");
        var credentialName = context.Setting("credential")
            ?? throw new InvalidOperationException($"The {BotName} bot needs the setting 'credential': the name of a user name and password credential for FIN/2000.");
        var timeoutText = context.Setting("timeoutSeconds", "15")!;
        if (!int.TryParse(timeoutText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeoutSeconds) || timeoutSeconds is < 1 or > 300)
            throw new InvalidOperationException($"The {BotName} bot's setting 'timeoutSeconds' ('{timeoutText}') must be a whole number of seconds from 1 to 300.");

        var credential = await context.Credentials.UnlockAsync(credentialName, cancellationToken).ConfigureAwait(false);
        if (credential.Kind != CredentialKinds.UsernamePassword.Name)
            throw new InvalidOperationException($"Credential '{credentialName}' is a {credential.Kind} credential; the {BotName} bot needs a {CredentialKinds.UsernamePassword.Name} one.");
        var password = credential.Secrets.GetValueOrDefault("password") is { Length: > 0 } p ? p
            : throw new InvalidOperationException($"Credential '{credentialName}' has no password.");
        context.AddSecret(password);
        var userName = credential.Field("username") is { Length: > 0 } u ? u
            : throw new InvalidOperationException($"Credential '{credentialName}' has no user name.");
        return new FinanceSession(context.Page, address, userName, password, context.TypeSecretAsync, TimeSpan.FromSeconds(timeoutSeconds), context.Logger);
    }

    private static async Task<FinanceSupplier> LookUpSupplierAsync(FinanceSession session, SupplierReference wanted)
    {
        // AP01 searches by name or VAT number only; an account number alone is checked by the invoice form itself (E102).
        if (wanted is { Name: null, VatNumber: null }) return new FinanceSupplier(wanted.Number!, null, null);
        var query = wanted.VatNumber is { } vat ? "vat=" + Uri.EscapeDataString(vat) : "name=" + Uri.EscapeDataString(wanted.Name!);
        await session.OpenAsync("suppliers?" + query).ConfigureAwait(false);
        // Scoped to the grid: the page frame is itself a layout table.
        var rows = (await session.ReadGridAsync("#grdSupp").ConfigureAwait(false))
            .Select(c => new FinanceSupplier(c[0], c[1], c[4])).ToList();

        List<FinanceSupplier> matches;
        if (wanted.Number is { } number) matches = rows.Where(r => r.Code.Equals(number, StringComparison.OrdinalIgnoreCase)).ToList();
        else if (wanted.VatNumber is not null || rows.Count <= 1) matches = rows;
        else matches = rows.Where(r => string.Equals(r.Name, wanted.Name, StringComparison.OrdinalIgnoreCase)).ToList();

        return matches.Count switch
        {
            1 => matches[0],
            0 when rows.Count == 0 => throw new BusinessException($"Supplier {wanted} is not on file in FIN/2000 (AP01 found no supplier).", InvoiceExceptionCodes.UnknownSupplier),
            0 => throw new BusinessException($"Supplier {wanted} is not on file in FIN/2000; AP01 found only {Describe(rows)}.", InvoiceExceptionCodes.UnknownSupplier),
            _ => throw new BusinessException($"Supplier {wanted} matches several suppliers in FIN/2000 ({Describe(matches)}): give the supplier number.", InvoiceExceptionCodes.UnknownSupplier),
        };

        static string Describe(IEnumerable<FinanceSupplier> list) => string.Join(", ", list.Take(5).Select(s => $"{s.Code} {s.Name}"));
    }

    private static async Task<IReadOnlyList<PostedInvoice>> FindPostedAsync(FinanceSession session, string supplierCode, string invoiceNumber)
    {
        await session.OpenAsync("invoices?supp=" + Uri.EscapeDataString(supplierCode)).ConfigureAwait(false);
        // FIN/2000's own duplicate rule: same supplier, invoice number equal ignoring case and surrounding spaces.
        return (await session.ReadGridAsync("#grdInv").ConfigureAwait(false))
            .Select(PostedInvoice.FromRow)
            .Where(p => p.InvoiceNumber.Trim().Equals(invoiceNumber.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static JsonObject AlreadyPosted(BotItemContext context, InvoiceItem invoice, IReadOnlyList<PostedInvoice> posted, string? currency)
    {
        // On the first attempt nothing can be ours: any posting with this number is a real duplicate, however alike.
        if (context.Item.Attempts > 1 && posted.FirstOrDefault(p => p.IsSameAs(invoice, currency ?? p.Currency)) is { } ours)
        {
            context.Logger.LogInformation("Invoice {InvoiceNumber} of {Supplier} was already posted as document {DocumentNumber} by an earlier attempt; not keyed again",
                invoice.InvoiceNumber, ours.SupplierCode, ours.DocumentNumber);
            return Output(ours.DocumentNumber, ours.SupplierCode, invoice, ours.Currency, alreadyPosted: true);
        }

        var first = posted[0];
        throw new BusinessException(
            $"Invoice {invoice.InvoiceNumber} of supplier {first.SupplierCode} is already posted in FIN/2000 as document {first.DocumentNumber} " +
            $"(dated {first.InvoiceDate}, gross {InvoiceItem.Money(first.GrossPence)} {first.Currency}); not keyed again.",
            InvoiceExceptionCodes.DuplicateInvoice);
    }

    private static async Task<FinancePurchaseOrder> CheckPurchaseOrderAsync(FinanceSession session, InvoiceItem invoice, string poNumber, FinanceSupplier supplier)
    {
        var supplierCode = supplier.Code;
        await session.OpenAsync("pos?po=" + Uri.EscapeDataString(poNumber)).ConfigureAwait(false);
        var order = (await session.ReadGridAsync("#grdPo").ConfigureAwait(false))
            .Select(FinancePurchaseOrder.FromRow)
            .FirstOrDefault(o => o.Number.Equals(poNumber, StringComparison.OrdinalIgnoreCase))
            ?? throw new BusinessException($"Purchase order {poNumber} is not in FIN/2000.", InvoiceExceptionCodes.PoMismatch);
        if (!order.SupplierCode.Equals(supplierCode, StringComparison.OrdinalIgnoreCase))
        {
            // A supplier given by number alone is not confirmed yet: the form says whether it does not exist (E102,
            // an unknown supplier) or the order is another supplier's (E112, a mismatch).
            if (supplier.Name is null) return order;
            throw new BusinessException($"Purchase order {poNumber} was raised for supplier {order.SupplierCode}, not {supplierCode}.", InvoiceExceptionCodes.PoMismatch);
        }

        if (invoice.Currency is { } currency && !order.Currency.Equals(currency, StringComparison.OrdinalIgnoreCase))
            throw new BusinessException($"The invoice is in {currency} but purchase order {poNumber} is in {order.Currency}.", InvoiceExceptionCodes.PoMismatch);
        if (invoice.NetPence > order.OutstandingPence)
            throw new BusinessException(
                $"The invoice's net {InvoiceItem.Money(invoice.NetPence)} is more than the {InvoiceItem.Money(order.OutstandingPence)} left to invoice on purchase order {poNumber}.",
                InvoiceExceptionCodes.PoMismatch);
        return order;
    }

    private static async Task<(long? Document, IReadOnlyList<string> Messages)> KeyAsync(FinanceSession session, InvoiceItem invoice, string supplierCode, string currency)
    {
        await session.OpenAsync("invoice/new").ConfigureAwait(false);
        // Add Ln posts the form back with one more row; rows first, then everything typed once.
        for (var n = 2; n <= invoice.Lines.Count; n++) await session.PostBackAsync(FinanceTargets.AddLine).ConfigureAwait(false);

        await session.FillAsync(FinanceTargets.Supplier, supplierCode).ConfigureAwait(false);
        await session.FillAsync(FinanceTargets.InvoiceNumber, invoice.InvoiceNumber).ConfigureAwait(false);
        await session.FillAsync(FinanceTargets.InvoiceDate, invoice.InvoiceDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await session.FillAsync(FinanceTargets.PoNumber, invoice.PoNumber ?? "").ConfigureAwait(false);
        await session.SelectAsync(FinanceTargets.Currency, currency).ConfigureAwait(false);
        for (var n = 1; n <= invoice.Lines.Count; n++)
        {
            var line = invoice.Lines[n - 1];
            await session.FillAsync(FinanceTargets.LineDescription(n), line.Description).ConfigureAwait(false);
            await session.FillAsync(FinanceTargets.LineQuantity(n), line.Quantity.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await session.FillAsync(FinanceTargets.LineUnitPrice(n), line.UnitPrice.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await session.SelectAsync(FinanceTargets.LineVatRate(n), line.VatRate.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        await session.PostBackAsync(FinanceTargets.Save).ConfigureAwait(false);
        var page = session.Page;
        var outcome = page.Locator(FinanceTargets.DocumentNumber).Or(page.Locator(FinanceTargets.Messages));
        await outcome.First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)session.Timeout.TotalMilliseconds }).ConfigureAwait(false);
        var document = page.Locator(FinanceTargets.DocumentNumber);
        if (await document.CountAsync().ConfigureAwait(false) > 0)
        {
            var text = (await document.First.InnerTextAsync().ConfigureAwait(false)).Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? (number, [])
                : throw new InvalidOperationException($"FIN/2000 showed '{text}' where the document number should be.");
        }

        var messages = (await page.Locator(FinanceTargets.Messages).AllInnerTextsAsync().ConfigureAwait(false)).Select(m => m.Trim()).ToList();
        return (null, messages);
    }

    private static BusinessException Refused(IReadOnlyList<string> messages)
    {
        var codes = messages.Select(m => MessageCode().Match(m)).Where(m => m.Success).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var code = codes.Contains("E102") ? InvoiceExceptionCodes.UnknownSupplier
            : codes.Overlaps(["E111", "E112", "E113", "E114"]) ? InvoiceExceptionCodes.PoMismatch
            : InvoiceExceptionCodes.FinanceValidation;
        return new BusinessException("FIN/2000 refused the invoice: " + string.Join(" / ", messages), code);
    }

    private static JsonObject Output(long document, string supplierCode, InvoiceItem invoice, string? currency, bool alreadyPosted) => new()
    {
        ["documentNumber"] = document.ToString(CultureInfo.InvariantCulture),
        ["supplierNumber"] = supplierCode,
        ["currency"] = currency,
        ["net"] = invoice.NetPence / 100m,
        ["vat"] = invoice.VatPence / 100m,
        ["total"] = invoice.GrossPence / 100m,
        ["alreadyPosted"] = alreadyPosted,
    };

    [GeneratedRegex(@"^[EW]\d{3}\b")]
    private static partial Regex MessageCode();
}
