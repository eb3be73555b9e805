using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExcelDataReader;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Samples.RpaChallenge;
using Samples.RpaChallenge.Challenge;

namespace Automation.Samples.Tests;

/// <summary>The RPA challenge copy: its page, its spreadsheet (the served one and the committed one) and its scorer.</summary>
public sealed class RpaChallengeTests
{
    private WebApplication app = null!;
    private HttpClient http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = ChallengeApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        http = new HttpClient { BaseAddress = new Uri(address + "/") };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static List<Dictionary<string, string>> RightAnswers() =>
        ChallengeData.Rows.Select(row => ChallengeData.Fields.Select((f, i) => (f, v: row[i])).ToDictionary(x => x.f, x => x.v)).ToList();

    [Test]
    public async Task The_page_has_the_start_button_the_download_link_and_every_field_label()
    {
        var page = await http.GetStringAsync("");

        Assert.That(page, Does.Contain("id=\"start\"").And.Contain(">Start</button>").And.Contain("href=\"/data/challenge.xlsx\""));
        foreach (var f in ChallengeData.Fields)
        {
            Assert.That(page, Does.Contain($"'{f}'"));
        }
    }

    [Test]
    public async Task The_served_spreadsheet_reads_with_the_public_headers_stray_spaces_included_and_ten_rows()
    {
        var bytes = await http.GetByteArrayAsync("data/challenge.xlsx");

        var rows = ReadSheet(bytes);

        Assert.That(rows[0], Is.EqualTo(new[] { "First Name", "Last Name ", "Company Name", "Role in Company", "Address", "Email", "Phone Number" }));
        Assert.That(rows, Has.Count.EqualTo(11));
        Assert.That(rows[1][0], Is.EqualTo("Priya"));
        Assert.That(rows[6][1], Is.EqualTo("O'Neill"));
        Assert.That(rows[10][6], Is.EqualTo("447700900110"), "phone numbers are numeric cells, as in the public file");
    }

    [Test]
    public void The_committed_spreadsheet_is_what_the_generator_writes()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Automation.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "the repository root above the test folder");
        var committed = File.ReadAllBytes(Path.Combine(root!.FullName, "samples", "RpaChallenge", "data", "challenge.xlsx"));

        Assert.That(committed, Is.EqualTo(ChallengeWorkbook.Build()), "regenerate with: dotnet run --project samples/RpaChallenge -- write-xlsx samples/RpaChallenge/data/challenge.xlsx");
    }

    [Test]
    public async Task All_seventy_fields_right_score_seventy_and_the_message_gives_the_milliseconds()
    {
        var response = await http.PostAsJsonAsync("api/score", new { rounds = RightAnswers(), milliseconds = 1234 });

        var score = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(score.GetProperty("correct").GetInt32(), Is.EqualTo(70));
        Assert.That(score.GetProperty("message").GetString(), Is.EqualTo("Congratulations! Your success rate is 100% ( 70 out of 70 fields) in 1234 milliseconds"));
        var last = JsonDocument.Parse(await http.GetStringAsync("api/results/last")).RootElement;
        Assert.That(last.GetProperty("milliseconds").GetInt64(), Is.EqualTo(1234));
    }

    [Test]
    public async Task Wrong_missing_and_swapped_fields_are_not_counted_but_surrounding_spaces_are_forgiven()
    {
        var answers = RightAnswers();
        answers[0]["Email"] = "wrong@example.com";
        answers[1].Remove("Phone Number");
        (answers[2]["First Name"], answers[2]["Last Name"]) = (answers[2]["Last Name"], answers[2]["First Name"]);
        answers[3]["Address"] = "  " + answers[3]["Address"] + " ";

        var response = await http.PostAsJsonAsync("api/score", new { rounds = answers, milliseconds = 900 });

        var score = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(score.GetProperty("correct").GetInt32(), Is.EqualTo(66));
        Assert.That(score.GetProperty("message").GetString(), Does.StartWith("Congratulations! Your success rate is 94% ( 66 out of 70 fields)"));
    }

    [Test]
    public async Task A_submission_without_rounds_is_a_bad_request_that_says_what_is_wrong()
    {
        var response = await http.PostAsJsonAsync("api/score", new { milliseconds = 5 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("rounds must hold 1 to 10"));
    }

    private static List<string[]> ReadSheet(byte[] bytes)
    {
        // ExcelDataReader's configuration asks for code page 1252 even for .xlsx; .NET needs the provider registered.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                double d => d.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
                var v => v?.ToString() ?? "",
            }).ToArray());
        }

        return rows;
    }
}
