using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;

namespace Automation.Server.BotHosting;

/// <summary>
/// Reads <c>Automation:Bots</c> into <see cref="BotHostOptions"/> by hand, because a pool's <c>Settings</c> is free-form
/// JSON (nested objects and lists) that the configuration binder cannot fill, and so that a bad value is refused at
/// start-up naming its key.
/// </summary>
public static class BotHostConfiguration
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Automation:Bots";

    /// <summary>Fills <paramref name="options"/> from <paramref name="section"/>.</summary>
    /// <exception cref="InvalidOperationException">A value is not valid; the message names its key and what is expected.</exception>
    public static void Bind(IConfigurationSection section, BotHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        options.Enabled = Read(section, nameof(BotHostOptions.Enabled), options.Enabled, bool.TryParse, "true or false");
        options.HeartbeatInterval = Positive(section, nameof(BotHostOptions.HeartbeatInterval), options.HeartbeatInterval);
        options.StopGrace = Read(section, nameof(BotHostOptions.StopGrace), options.StopGrace, TryTime, "a time such as 00:00:30");
        options.IdlePollMax = Positive(section, nameof(BotHostOptions.IdlePollMax), options.IdlePollMax);
        options.ReviewSweepInterval = Positive(section, nameof(BotHostOptions.ReviewSweepInterval), options.ReviewSweepInterval);
        options.ReviewSweepWindow = Positive(section, nameof(BotHostOptions.ReviewSweepWindow), options.ReviewSweepWindow);
        options.RegistryRetention = Read(section, nameof(BotHostOptions.RegistryRetention), options.RegistryRetention,
            (string? t, out TimeSpan v) => TryTime(t, out v) && v >= TimeSpan.FromHours(1), "a time of at least an hour such as 7.00:00:00");
        options.RegistryCleanupInterval = Positive(section, nameof(BotHostOptions.RegistryCleanupInterval), options.RegistryCleanupInterval);
        var pools = section.GetSection(nameof(BotHostOptions.Pools)).GetChildren().ToList();
        if (pools.Count > 0) options.Pools = [.. pools.Select(Pool)];
    }

    private static BotPoolOptions Pool(IConfigurationSection s) => new()
    {
        Name = s[nameof(BotPoolOptions.Name)],
        Bot = s[nameof(BotPoolOptions.Bot)]?.Trim() ?? throw Missing(s, nameof(BotPoolOptions.Bot), "the name of a registered bot"),
        Queue = s[nameof(BotPoolOptions.Queue)]?.Trim() ?? throw Missing(s, nameof(BotPoolOptions.Queue), "the name of a work queue"),
        Workers = Read(s, nameof(BotPoolOptions.Workers), 1, (string? t, out int v) => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out v) && v is >= 1 and <= 50,
            "a whole number from 1 to 50"),
        BusinessExceptionWorkflow = string.IsNullOrWhiteSpace(s[nameof(BotPoolOptions.BusinessExceptionWorkflow)]) ? null : s[nameof(BotPoolOptions.BusinessExceptionWorkflow)]!.Trim(),
        Settings = ToJson(s.GetSection(nameof(BotPoolOptions.Settings))) as JsonObject ?? [],
    };

    /// <summary>A configuration section as JSON: children with keys 0..n-1 become a list, other children an object, leaves strings.</summary>
    internal static JsonNode? ToJson(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0) return section.Value is null ? null : JsonValue.Create(section.Value);
        var indexes = children.Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).ToList();
        if (indexes.Order().SequenceEqual(Enumerable.Range(0, children.Count)))
            return new JsonArray([.. children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(ToJson)]);
        var result = new JsonObject();
        foreach (var child in children) result[child.Key] = ToJson(child);
        return result;
    }

    private delegate bool Parser<T>(string? text, out T value);

    private static T Read<T>(IConfigurationSection section, string key, T fallback, Parser<T> parse, string expected)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return parse(text.Trim(), out var value) ? value
            : throw new InvalidOperationException($"{section.Path}:{key} is '{text}'; give {expected}.");
    }

    private static TimeSpan Positive(IConfigurationSection section, string key, TimeSpan fallback) =>
        Read(section, key, fallback, (string? t, out TimeSpan v) => TryTime(t, out v) && v > TimeSpan.Zero, "a positive time such as 00:00:10");

    private static bool TryTime(string? text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;

    private static InvalidOperationException Missing(IConfigurationSection section, string key, string expected) =>
        new($"{section.Path}:{key} is missing; give {expected}.");
}
