using Samples.LegacyKit;
using Samples.PeoplePortal.Data;
using Samples.PeoplePortal.Pages;
using Samples.PeoplePortal.Staff;
using Samples.PeoplePortal.Testing;

namespace Samples.PeoplePortal;

/// <summary>
/// "PeopleNet Staff Accounts": a deliberately old-fashioned people portal for the starter/leaver bot.
/// Settings live in the <c>People</c> section (see <see cref="LegacyAppOptions"/>).
/// </summary>
public static class PortalApp
{
    /// <summary>The name in the banner.</summary>
    public const string Name = "PeopleNet Staff Accounts";

    /// <summary>The configuration section.</summary>
    public const string Section = "People";

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
        builder.AddLegacyApp(Section, "PNSESSIONID", "people.db");
        builder.Services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(Section)).Validate(
            o => !string.IsNullOrWhiteSpace(o.MailDomain) && !o.MailDomain.Contains('@', StringComparison.Ordinal), $"{Section}:MailDomain must be a domain name such as council.example.");
        builder.Services.AddSingleton<PortalDatabase>();
        builder.Services.AddSingleton<StaffStore>();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Services.GetRequiredService<PortalDatabase>().EnsureCreated();
        app.UseLegacyApp(Name);
        var pages = app.MapGroup("").RequireAuthorization();
        pages.MapGet("/", () => Results.Redirect("/staff"));
        pages.MapStaffLookupPages();
        pages.MapNewUserPages();
        pages.MapLeaverPages();
        app.MapTestingGroup().MapPortalTesting();
        return app;
    }

    /// <summary>The left-hand menu.</summary>
    public static readonly (string Label, string Href)[] Menu =
    [
        ("Find staff", "/staff"),
        ("New user", "/users/new"),
        ("Leavers", "/leavers"),
    ];

    /// <summary>Renders a page in the app's frame.</summary>
    public static string Render(HttpContext ctx, string title, string body) => LegacyLayout.Render(Name, title, body, ctx, Menu);
}
