using System.Net;
using System.Text.RegularExpressions;

namespace Automation.Samples.Tests.Support;

/// <summary>
/// Drives a sample app the way a browser does: GET a page, then post its form back with the anti-forgery
/// token the page carried plus the fields given.
/// </summary>
public sealed partial class LegacyClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>The address of the last page (after redirects).</summary>
    public Uri? LastUri { get; private set; }

    public async Task<string> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        LastUri = response.RequestMessage?.RequestUri;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts to <paramref name="path"/> with the token found in <paramref name="page"/>.</summary>
    public async Task<string> PostAsync(string path, string page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = TokenPattern().Match(page);
        Assert.That(token.Success, Is.True, "the page carries an anti-forgery token");
        var all = new List<KeyValuePair<string, string>> { new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)) };
        all.AddRange(fields);
        using var response = await Http.PostAsync(path, new FormUrlEncodedContent(all));
        LastUri = response.RequestMessage?.RequestUri;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"POST {path}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Signs on and returns the first page.</summary>
    public async Task<string> SignOnAsync(string user = RunningApp.User, string password = RunningApp.Password)
    {
        var login = await GetAsync("/login");
        return await PostAsync("/login", login, [new("uid", user), new("pwd", password)]);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
