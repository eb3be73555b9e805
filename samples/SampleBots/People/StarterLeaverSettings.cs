using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;

namespace Samples.Bots.People;

/// <summary>
/// The starter/leaver bot's settings (from the bot host's configuration): <c>baseUrl</c> of the portal,
/// <c>credential</c> (a user name and password credential to sign on with), <c>groupsByRole</c> and
/// <c>licenceByWorkerType</c> (JSON, objects or text; the defaults in <c>starter-leaver.defaults.json</c> when absent),
/// <c>mailCredential</c> (a mail server credential to notify managers through) and <c>from</c> (the sender; the mail
/// account's user name when absent).
/// </summary>
public sealed record StarterLeaverSettings
{
    private static readonly Lazy<JsonObject> Defaults = new(() =>
    {
        using var stream = typeof(StarterLeaverSettings).Assembly.GetManifestResourceStream("Samples.Bots.People.starter-leaver.defaults.json")
            ?? throw new InvalidOperationException("The starter/leaver bot's defaults (starter-leaver.defaults.json) are not embedded in the assembly.");
        return JsonNode.Parse(stream)!.AsObject();
    });

    /// <summary>The portal's address, ending in '/'.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The name of the credential to sign on with.</summary>
    public required string Credential { get; init; }

    /// <summary>Groups by department, job title and worker type.</summary>
    public required GroupsByRole Groups { get; init; }

    /// <summary>The licence each worker type gets (names match in any case).</summary>
    public required IReadOnlyDictionary<string, string> LicenceByWorkerType { get; init; }

    /// <summary>The name of the mail server credential that notifications go through.</summary>
    public required string MailCredential { get; init; }

    /// <summary>The notifications' sender, or null for the mail account's user name.</summary>
    public string? From { get; init; }

    /// <summary>The built-in <c>groupsByRole</c> map (a copy).</summary>
    public static JsonObject DefaultGroupsByRole => Defaults.Value["groupsByRole"]!.DeepClone().AsObject();

    /// <summary>The built-in <c>licenceByWorkerType</c> map (a copy).</summary>
    public static JsonObject DefaultLicenceByWorkerType => Defaults.Value["licenceByWorkerType"]!.DeepClone().AsObject();

    /// <summary>Reads the settings of <paramref name="context"/>.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or malformed; the message names it (the bot's configuration must be fixed, so every item fails as a system exception until it is).</exception>
    public static StarterLeaverSettings Read(BotItemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseUrl = Required(context, "baseUrl");
        if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Starter/leaver bot setting 'baseUrl' is '{baseUrl}', which is not an http(s) address of the people portal.");
        try
        {
            return new StarterLeaverSettings
            {
                BaseUrl = uri,
                Credential = Required(context, "credential"),
                Groups = GroupsByRole.Parse(Json(context.Settings["groupsByRole"], "groupsByRole") ?? DefaultGroupsByRole),
                LicenceByWorkerType = Licences(Json(context.Settings["licenceByWorkerType"], "licenceByWorkerType") ?? DefaultLicenceByWorkerType),
                MailCredential = Required(context, "mailCredential"),
                From = context.Setting("from"),
            };
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Starter/leaver bot: " + e.Message, e);
        }
    }

    private static string Required(BotItemContext context, string name) =>
        context.Setting(name) ?? throw new InvalidOperationException($"Starter/leaver bot setting '{name}' is missing.");

    // Configuration files give objects; environment variables and single-line settings give JSON as text.
    private static JsonNode? Json(JsonNode? node, string name)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text)) return node;
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"Setting '{name}' is not valid JSON: {e.Message}");
        }
    }

    private static Dictionary<string, string> Licences(JsonNode? node)
    {
        if (node is not JsonObject map) throw new FormatException("Setting 'licenceByWorkerType' must be an object such as {\"Employee\": \"M365 E3\"}.");
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, licence) in map)
            result[type.Trim()] = licence is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
                ? s.Trim()
                : throw new FormatException($"Setting 'licenceByWorkerType.{type}' must be the name of a licence, not {licence?.ToJsonString() ?? "null"}.");
        return result;
    }
}
