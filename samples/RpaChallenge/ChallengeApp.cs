using Samples.RpaChallenge.Challenge;

namespace Samples.RpaChallenge;

/// <summary>
/// A copy of the public "RPA Challenge" input-forms page: Start, then ten rounds of a seven-field form whose
/// fields move (and change ids) after every submit; the server scores the run. No sign-on: the public page
/// has none.
/// </summary>
public static class ChallengeApp
{
    /// <summary>Builds the app.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<LastScore>();
        var app = builder.Build();
        app.UseStatusCodePages();

        var page = ReadPage();
        var workbook = ChallengeWorkbook.Build();
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/data/challenge.xlsx", () =>
            Results.File(workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "challenge.xlsx"));
        app.MapPost("/api/score", (ChallengeSubmission submission, LastScore last) =>
        {
            try
            {
                var score = ChallengeScoring.Score(submission);
                last.Value = score;
                return Results.Ok(score);
            }
            catch (ArgumentException e)
            {
                return Results.Problem(statusCode: 400, title: "The submission is not valid.", detail: e.Message.Split(" (Parameter", 2)[0]);
            }
        });
        app.MapGet("/api/results/last", (LastScore last) => last.Value is { } s ? Results.Ok(s) : Results.Problem(statusCode: 404, title: "No run has finished yet."));
        return app;
    }

    private static string ReadPage()
    {
        using var s = typeof(ChallengeApp).Assembly.GetManifestResourceStream("Samples.RpaChallenge.challenge.html")
            ?? throw new InvalidOperationException("The challenge page is not embedded in the assembly.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}

/// <summary>The last finished run's score (for a bench to read without parsing the page).</summary>
public sealed class LastScore
{
    /// <summary>The score, or null before the first run.</summary>
    public ChallengeScore? Value { get; set; }
}
