using Samples.FinanceSystem.Data;
using Samples.FinanceSystem.Pages;
using Samples.FinanceSystem.Testing;
using Samples.LegacyKit;

namespace Samples.FinanceSystem;

/// <summary>
/// "FIN/2000 Accounts Payable": a deliberately old-fashioned finance system for bots to key invoices into.
/// Settings live in the <c>Finance</c> section (see <see cref="LegacyAppOptions"/>).
/// </summary>
public static class FinanceApp
{
    /// <summary>The name in the banner.</summary>
    public const string Name = "FIN/2000 Accounts Payable";

    /// <summary>The configuration section.</summary>
    public const string Section = "Finance";

    /// <summary>
    /// Builds the app; <paramref name="configure"/> lets a test replace services (the clock). The database is
    /// created and seeded on build when missing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddLegacyApp(Section, "FIN2000SESS", "finance.db");
        builder.Services.AddSingleton<FinanceDatabase>();
        builder.Services.AddSingleton<Invoices.InvoiceStore>();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Services.GetRequiredService<FinanceDatabase>().EnsureCreated();
        app.UseLegacyApp(Name);
        var pages = app.MapGroup("").RequireAuthorization();
        pages.MapGet("/", () => Results.Redirect("/invoice/new"));
        pages.MapSupplierPages();
        pages.MapPurchaseOrderPages();
        pages.MapInvoicePages();
        app.MapTestingGroup().MapFinanceTesting();
        return app;
    }

    /// <summary>The left-hand menu.</summary>
    public static readonly (string Label, string Href)[] Menu =
    [
        ("AP01 Supp Enq", "/suppliers"),
        ("AP02 P/O Enq", "/pos"),
        ("AP10 Inv Entry", "/invoice/new"),
        ("AP11 Inv Enq", "/invoices"),
    ];

    /// <summary>Renders a page in the app's frame.</summary>
    public static string Render(HttpContext ctx, string title, string body) => LegacyLayout.Render(Name, title, body, ctx, Menu);
}
