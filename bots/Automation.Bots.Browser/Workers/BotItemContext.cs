using System.Text.Json.Nodes;
using Automation.Engine.Credentials;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Workers;

/// <summary>What a <see cref="IQueueBot"/> gets for one item: the item, a fresh browser page, its settings and the credential vault.</summary>
public sealed class BotItemContext
{
    private readonly List<string> _secrets = [];

    /// <summary>The item being handled (its <see cref="QueueItem.Attempts"/> counts this attempt).</summary>
    public required QueueItem Item { get; init; }

    /// <summary>The page of a browser context opened for this item alone; the host closes it afterwards.</summary>
    public required IPage Page { get; init; }

    /// <summary>The bot's settings from the host's configuration (for example the application's address and the credential's name).</summary>
    public JsonObject Settings { get; init; } = [];

    /// <summary>Where the bot reads named credentials (user names and passwords of the applications it drives).</summary>
    public required CredentialVault Credentials { get; init; }

    /// <summary>The worker handling the item (for example <c>invoice-entry@node1#2</c>).</summary>
    public required string WorkerId { get; init; }

    /// <summary>The bot's logger; never log a secret (use <see cref="Mask"/> on text that may hold one).</summary>
    public required ILogger Logger { get; init; }

    /// <summary>The secrets registered with <see cref="AddSecret"/>, which <see cref="Mask"/> removes from text.</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    /// <summary>A setting as text, or <paramref name="fallback"/> when it is missing.</summary>
    public string? Setting(string name, string? fallback = null) =>
        Settings[name] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : fallback;

    /// <summary>Registers a secret the bot typed (a password), so failure messages and evidence notes never show it.</summary>
    public void AddSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && !_secrets.Contains(secret)) _secrets.Add(secret);
    }

    /// <summary><paramref name="text"/> with every registered secret replaced by <c>***</c>.</summary>
    public string Mask(string text) => _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
