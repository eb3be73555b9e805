using Automation.Bots.Browser.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Samples.Bots.Challenge;
using Samples.RpaChallenge;
using Samples.RpaChallenge.Challenge;

namespace Automation.Bench.Bots;

/// <summary>
/// The challenge page the bot benchmarks drive: a given URL (any copy of the challenge), or the sample copy
/// (samples/RpaChallenge) started in this process on 127.0.0.1; and its spreadsheet as a file.
/// </summary>
internal sealed class ChallengeSite : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly string? _tempFile;

    private ChallengeSite(Uri url, string spreadsheet, WebApplication? app, string? tempFile)
    {
        Url = url;
        Spreadsheet = spreadsheet;
        _app = app;
        _tempFile = tempFile;
    }

    /// <summary>The challenge page.</summary>
    public Uri Url { get; }

    /// <summary>The spreadsheet file.</summary>
    public string Spreadsheet { get; }

    /// <summary>Where the page came from, for the report.</summary>
    public string Describe() => _app is null ? Url.ToString() : $"samples/RpaChallenge in this process ({Url})";

    /// <summary>
    /// The site: <paramref name="url"/> or the sample copy; <paramref name="xlsx"/> or the sample's workbook, or (for a
    /// given URL without a file) the one the page offers for download.
    /// </summary>
    public static async Task<ChallengeSite> StartAsync(string? url, string? xlsx, BrowserPool pool)
    {
        WebApplication? app = null;
        Uri address;
        if (url is null)
        {
            app = ChallengeApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"]);
            await app.StartAsync().ConfigureAwait(false);
            address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        }
        else address = new Uri(url);
        if (xlsx is not null)
        {
            if (!File.Exists(xlsx)) throw new FileNotFoundException($"The spreadsheet {xlsx} does not exist.", xlsx);
            return new ChallengeSite(address, Path.GetFullPath(xlsx), app, null);
        }
        var temp = Path.Combine(Path.GetTempPath(), $"bench-challenge-{Guid.NewGuid():N}.xlsx");
        byte[] bytes;
        if (app is not null) bytes = ChallengeWorkbook.Build();
        else
        {
            var context = await pool.NewContextAsync().ConfigureAwait(false);
            try
            {
                var page = await context.NewPageAsync().ConfigureAwait(false);
                await page.GotoAsync(address.ToString()).ConfigureAwait(false);
                bytes = await ChallengeDownload.FromPageAsync(page, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            finally
            {
                await context.CloseAsync().ConfigureAwait(false);
            }
        }
        await File.WriteAllBytesAsync(temp, bytes).ConfigureAwait(false);
        return new ChallengeSite(address, temp, app, temp);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        if (_tempFile is not null) File.Delete(_tempFile);
    }
}
