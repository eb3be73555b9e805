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
    private readonly HashSet<string> _typedUntraced = new(StringComparer.Ordinal);

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

    /// <summary>The item's trace, which <see cref="TypeSecretAsync"/> keeps secrets out of; null when the host records none.</summary>
    internal ItemTraceRecorder? Trace { get; init; }

    /// <summary>
    /// True when a secret was registered with <see cref="AddSecret"/> but not typed through <see cref="TypeSecretAsync"/>:
    /// the bot may have typed it anywhere, so the item's trace may hold it and is not kept.
    /// </summary>
    internal bool HasSecretOutsideTrace => _secrets.Any(s => !_typedUntraced.Contains(s));

    /// <summary>
    /// Registers a secret the bot uses (a password), so failure messages and evidence notes never show it. A secret
    /// registered only here may have been typed while the trace recorded, so a failure then keeps no trace (only the
    /// screenshot); type passwords with <see cref="TypeSecretAsync"/> to keep the trace.
    /// </summary>
    public void AddSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && !_secrets.Contains(secret)) _secrets.Add(secret);
    }

    /// <summary>
    /// Types <paramref name="secret"/> (a password) by calling <paramref name="type"/> with it, out of the item's trace:
    /// the secret is registered as <see cref="AddSecret"/> does, the trace recorded so far is dropped, and a new one
    /// starts once it is typed, recording actions but no DOM snapshots or network (which would hold the field's value and
    /// the form posting it). A failure after sign-in so still has a trace of what happened after it, without the secret.
    /// For example <c>await context.TypeSecretAsync(password, p =&gt; page.GetByLabel("Password").FillAsync(p));</c>
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    /// <exception cref="Exception">Whatever <paramref name="type"/> throws (a field not found).</exception>
    public async Task TypeSecretAsync(string secret, Func<string, Task> type)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(type);
        AddSecret(secret);
        _typedUntraced.Add(secret);
        if (Trace is null) await type(secret).ConfigureAwait(false);
        else await Trace.TypeSecretAsync(() => type(secret)).ConfigureAwait(false);
    }

    /// <summary><paramref name="text"/> with every registered secret replaced by <c>***</c>.</summary>
    public string Mask(string text) => _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
