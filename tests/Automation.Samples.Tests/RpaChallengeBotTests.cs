using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Automation.Samples.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Samples.Bots.Challenge;
using Samples.RpaChallenge;
using Samples.RpaChallenge.Challenge;

namespace Automation.Samples.Tests;

/// <summary>
/// The rpa-challenge bot plays the challenge copy (samples/RpaChallenge) in real Chromium, taken from a work queue
/// by the product's bot host; the page's own score (and the app's record of the last run) says how it did.
/// </summary>
public sealed class RpaChallengeBotTests
{
    private const string Queue = "rpa-challenge";
    private WebApplication app = null!;
    private Uri address = null!;
    private BrowserPool pool = null!;
    private InMemoryWorkQueueStore store = null!;
    private InMemoryDocumentStore documents = null!;
    private RpaChallengeBot bot = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = ChallengeApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        var options = new BrowserOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("AUTOMATION_CHROMIUM") ?? "/usr/bin/chromium",
            DefaultTimeout = TimeSpan.FromSeconds(10),
            AllowedHosts = ["127.0.0.1"],
        };
        if (!File.Exists(options.ExecutablePath))
        {
            Assert.Fail($"Chromium was not found at {options.ExecutablePath}: run scripts/install-deps.sh (it installs the chromium package).");
        }

        pool = new BrowserPool(Microsoft.Extensions.Options.Options.Create(options), NullLogger<BrowserPool>.Instance);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await pool.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [SetUp]
    public async Task FreshQueue()
    {
        store = new InMemoryWorkQueueStore();
        documents = new InMemoryDocumentStore(TimeProvider.System);
        bot = new RpaChallengeBot(documents);
        await store.SaveQueueAsync(new WorkQueue { Name = Queue, MaxAttempts = 1 }, DateTimeOffset.UtcNow);
    }

    [Test]
    public async Task The_bot_scores_70_of_70_from_the_shipped_spreadsheet_given_as_a_file_path()
    {
        await AddItemAsync(new JsonObject { ["url"] = address.ToString(), ["spreadsheet"] = ShippedSpreadsheetPath() });

        var item = await RunTheBotAsync();

        Assert.That(item.Status, Is.EqualTo(QueueItemStatus.Successful), item.FailureReason);
        Assert.That(item.Output!["correct"]!.GetValue<int>(), Is.EqualTo(70));
        Assert.That(item.Output["total"]!.GetValue<int>(), Is.EqualTo(70));
        Assert.That(item.Output["message"]!.GetValue<string>(), Does.StartWith("Congratulations! Your success rate is 100% ( 70 out of 70 fields) in "));
        await AssertTheAppScoredAsync(item);
    }

    [Test]
    public async Task The_bot_scores_70_of_70_from_a_stored_spreadsheet_whose_headers_have_stray_spaces_other_case_and_order()
    {
        // Columns reordered, an extra column, and headers as people type them.
        string[] headers = ["  phone number", "EMAIL", "Notes", "first  name", " Last Name ", "company name ", "ROLE IN COMPANY", "address"];
        int[] from = [6, 5, -1, 0, 1, 2, 3, 4];
        var rows = ChallengeData.Rows.Select(r => from.Select(i => i < 0 ? "ignore me" : r[i]).ToArray()).ToList();
        var document = await documents.SaveAsync("challenge-variant.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ChallengeWorkbook.Build(headers, rows));
        await AddItemAsync(new JsonObject { ["url"] = address.ToString(), ["spreadsheet"] = document.Id });

        var item = await RunTheBotAsync();

        Assert.That(item.Status, Is.EqualTo(QueueItemStatus.Successful), item.FailureReason);
        Assert.That(item.Output!["correct"]!.GetValue<int>(), Is.EqualTo(70));
        await AssertTheAppScoredAsync(item);
    }

    [Test]
    public async Task With_no_spreadsheet_and_the_url_in_the_settings_the_bot_downloads_the_pages_own_and_scores_70()
    {
        await AddItemAsync([]);

        var item = await RunTheBotAsync(new JsonObject { ["url"] = address.ToString() });

        Assert.That(item.Status, Is.EqualTo(QueueItemStatus.Successful), item.FailureReason);
        Assert.That(item.Output!["correct"]!.GetValue<int>(), Is.EqualTo(70));
    }

    [Test]
    public async Task A_spreadsheet_without_the_email_column_fails_the_item_as_a_business_exception_naming_the_column()
    {
        string[] headers = ["First Name", "Last Name ", "Company Name", "Role in Company", "Address", "Phone Number"];
        var rows = ChallengeData.Rows.Select(r => new[] { r[0], r[1], r[2], r[3], r[4], r[6] }).ToList();
        var document = await documents.SaveAsync("no-email.xlsx", "application/octet-stream", ChallengeWorkbook.Build(headers, rows));
        await AddItemAsync(new JsonObject { ["url"] = address.ToString(), ["spreadsheet"] = document.Id });

        var item = await RunTheBotAsync();

        Assert.That(item.Status, Is.EqualTo(QueueItemStatus.Failed));
        Assert.That(item.FailureKind, Is.EqualTo(QueueFailureKind.Business));
        Assert.That(item.FailureReason, Does.Contain("no 'Email' column"));
    }

    [Test]
    public void Reading_a_spreadsheet_without_a_column_throws_a_business_exception_with_the_column_and_the_code()
    {
        var workbook = ChallengeWorkbook.Build(["First Name", "Last Name", "Company Name", "Address", "Email", "Phone Number"], [["a", "b", "c", "d", "e", "1"]]);

        var e = Assert.Throws<BusinessException>(() => ChallengeSpreadsheet.Read(workbook));

        Assert.That(e!.Message, Does.StartWith("The spreadsheet has no 'Role in Company' column."));
        Assert.That(e.Code, Is.EqualTo("missing-column"));
    }

    [Test]
    public void A_file_that_is_not_a_spreadsheet_and_one_without_rows_are_business_exceptions()
    {
        var notExcel = Assert.Throws<BusinessException>(() => ChallengeSpreadsheet.Read("First Name,Last Name\nA,B\n"u8.ToArray()));
        var noRows = Assert.Throws<BusinessException>(() => ChallengeSpreadsheet.Read(ChallengeWorkbook.Build(ChallengeData.Headers, [])));

        Assert.That(notExcel!.Code, Is.EqualTo("unreadable-spreadsheet"));
        Assert.That(noRows!.Code, Is.EqualTo("no-rows"));
    }

    [Test]
    public async Task A_spreadsheet_that_is_neither_a_document_nor_a_file_fails_as_business_and_names_it()
    {
        await AddItemAsync(new JsonObject { ["url"] = address.ToString(), ["spreadsheet"] = "/nowhere/challenge.xlsx" });

        var item = await RunTheBotAsync();

        Assert.That(item.FailureKind, Is.EqualTo(QueueFailureKind.Business));
        Assert.That(item.FailureReason, Does.Contain("'/nowhere/challenge.xlsx' is neither a stored document nor a file"));
    }

    [Test]
    public void The_score_message_is_read_in_the_public_pages_wording()
    {
        var result = ChallengeRun.ParseResult("Congratulations!\n Your success rate is 100% ( 70 out of 70 fields) in 1004 milliseconds");

        Assert.That(result, Is.EqualTo(new ChallengeResult(70, 70, 1004, "Congratulations! Your success rate is 100% ( 70 out of 70 fields) in 1004 milliseconds")));
    }

    /// <summary>Runs the bot host over the queue (its one item) and returns the item as settled.</summary>
    private async Task<QueueItem> RunTheBotAsync(JsonObject? settings = null) => (await new BotRun(store, pool).RunAsync(Queue, bot, settings)).Items.Single();

    private async Task AddItemAsync(JsonObject data) =>
        await store.AddItemsAsync(Queue, [new NewQueueItem { Data = data }], "test", DateTimeOffset.UtcNow);

    /// <summary>The app's own record of the last finished run agrees with what the bot reported.</summary>
    private async Task AssertTheAppScoredAsync(QueueItem item)
    {
        using var http = new HttpClient { BaseAddress = address };
        var last = await http.GetFromJsonAsync<JsonObject>("api/results/last");
        Assert.That(last!["correct"]!.GetValue<int>(), Is.EqualTo(70));
        Assert.That(last["milliseconds"]!.GetValue<long>(), Is.EqualTo(item.Output!["milliseconds"]!.GetValue<long>()));
    }

    private static string ShippedSpreadsheetPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Automation.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "samples", "RpaChallenge", "data", "challenge.xlsx");
    }
}
