using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Samples.Bots.Challenge;

/// <summary>
/// Plays the RPA Challenge ("Input Forms" challenge: ten rounds of a seven-field form whose fields move after every
/// submit) on any copy of its page. Item data (or, when the item leaves them out, the bot's settings):
/// <c>url</c>, the challenge page; <c>spreadsheet</c>, the challenge's .xlsx as a stored document id or a file path on
/// the bot's machine (when neither gives one, the bot downloads it from the page's "Download Excel" link). Output:
/// <c>{correct, total, milliseconds, message, rows}</c> as the page reported them.
/// </summary>
/// <remarks>
/// A run changes nothing outside the page, so a retry simply plays again. A bad spreadsheet (a missing column, no
/// rows) or a missing URL is a <see cref="BusinessException"/>; a page that does not answer is a system exception.
/// </remarks>
public sealed class RpaChallengeBot(IDocumentStore? documents = null) : IQueueBot
{
    /// <summary>The bot's name in the bot host's configuration.</summary>
    public const string BotName = "rpa-challenge";

    /// <summary>How long each element (and the score) may take to appear when the settings give no <c>timeoutSeconds</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public string Name => BotName;

    /// <inheritdoc />
    /// <exception cref="BusinessException">The item gives no usable URL, or its spreadsheet cannot be found or read, or lacks a column.</exception>
    public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = ReadUrl(Value(context, "url"));
        var timeout = context.Setting("timeoutSeconds") is { } s && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        var source = Value(context, "spreadsheet");
        byte[] workbook;
        if (source is null)
        {
            // No spreadsheet given: take the one the page offers, as a person would.
            await context.Page.GotoAsync(url.ToString()).ConfigureAwait(false);
            workbook = await ChallengeDownload.FromPageAsync(context.Page, timeout).ConfigureAwait(false);
        }
        else
        {
            workbook = await LoadAsync(source, cancellationToken).ConfigureAwait(false);
        }
        var rows = ChallengeSpreadsheet.Read(workbook);
        context.Logger.LogInformation("Playing the RPA challenge at {Url} with {Rows} rows", url, rows.Count);
        var result = await ChallengeRun.PlayAsync(context.Page, url, rows, timeout, cancellationToken).ConfigureAwait(false);
        var output = result.ToJson();
        output["rows"] = rows.Count;
        return output;
    }

    /// <summary>The spreadsheet's bytes: a stored document with id <paramref name="source"/>, else the file at that path.</summary>
    /// <exception cref="BusinessException">Neither a document nor a file has that name.</exception>
    internal async Task<byte[]> LoadAsync(string source, CancellationToken cancellationToken)
    {
        if (documents is not null && await documents.ReadAsync(source, cancellationToken).ConfigureAwait(false) is { } stored)
            return stored;
        if (File.Exists(source))
            return await File.ReadAllBytesAsync(source, cancellationToken).ConfigureAwait(false);
        throw new BusinessException(
            $"The spreadsheet '{source}' is neither a stored document{(documents is null ? " (this host keeps none)" : "")} nor a file on this machine.",
            "spreadsheet-not-found");
    }

    private static Uri ReadUrl(string? url)
    {
        if (url is null)
            throw new BusinessException("The item gives no 'url' of the challenge page (and the bot's settings give none).", "no-url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
            throw new BusinessException($"The challenge page's url '{url}' is not an http(s) address.", "bad-url");
        return uri;
    }

    /// <summary>The item's data value <paramref name="name"/>, or else the bot's setting of that name.</summary>
    private static string? Value(BotItemContext context, string name) =>
        context.Item.Data[name] is JsonValue value && value.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : context.Setting(name)?.Trim();
}
