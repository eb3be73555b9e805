using System.Text.Json.Nodes;

namespace Samples.Bots.People;

/// <summary>
/// Which of the portal's access groups a starter gets, as data (the bot's <c>groupsByRole</c> setting):
/// <code>
/// { "everyone": ["All Staff"],
///   "departments": { "Finance": ["Finance Users"] },
///   "jobTitles": { "Director": ["Managers", "Remote Access"] },
///   "workerTypes": { "Contractor": ["Contractors"] } }
/// </code>
/// A starter gets everyone's groups plus those of their department, job title and worker type (names match in any case),
/// each group once, in that order.
/// </summary>
public sealed class GroupsByRole
{
    private readonly IReadOnlyList<string> _everyone;
    private readonly Dictionary<string, IReadOnlyList<string>> _departments;
    private readonly Dictionary<string, IReadOnlyList<string>> _jobTitles;
    private readonly Dictionary<string, IReadOnlyList<string>> _workerTypes;

    private GroupsByRole(IReadOnlyList<string> everyone, Dictionary<string, IReadOnlyList<string>> departments,
        Dictionary<string, IReadOnlyList<string>> jobTitles, Dictionary<string, IReadOnlyList<string>> workerTypes)
    {
        _everyone = everyone;
        _departments = departments;
        _jobTitles = jobTitles;
        _workerTypes = workerTypes;
    }

    /// <summary>The groups of <paramref name="record"/>.</summary>
    public IReadOnlyList<string> For(HrRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        IEnumerable<string> groups = _everyone;
        groups = groups.Concat(_departments.GetValueOrDefault(record.Department) ?? []);
        groups = groups.Concat(_jobTitles.GetValueOrDefault(record.JobTitle) ?? []);
        groups = groups.Concat(_workerTypes.GetValueOrDefault(record.WorkerType) ?? []);
        return groups.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads the map from the setting's JSON.</summary>
    /// <exception cref="FormatException">The JSON is not shaped as above; the message names the part that is wrong.</exception>
    public static GroupsByRole Parse(JsonNode? node)
    {
        if (node is not JsonObject map) throw new FormatException("Setting 'groupsByRole' must be an object with everyone, departments, jobTitles and workerTypes.");
        foreach (var (key, _) in map)
            if (key is not ("everyone" or "departments" or "jobTitles" or "workerTypes"))
                throw new FormatException($"Setting 'groupsByRole': '{key}' is not a part of the map; use everyone, departments, jobTitles or workerTypes.");
        return new GroupsByRole(List(map["everyone"], "groupsByRole.everyone"), Section(map, "departments"), Section(map, "jobTitles"), Section(map, "workerTypes"));
    }

    private static Dictionary<string, IReadOnlyList<string>> Section(JsonObject map, string name)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        switch (map[name])
        {
            case null:
                return result;
            case JsonObject section:
                foreach (var (key, value) in section) result[key.Trim()] = List(value, $"groupsByRole.{name}.{key}");
                return result;
            default:
                throw new FormatException($"Setting 'groupsByRole.{name}' must be an object mapping a name to a list of groups.");
        }
    }

    private static IReadOnlyList<string> List(JsonNode? node, string path) => node switch
    {
        null => [],
        JsonArray list => list.Select(g => g is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            ? s.Trim()
            : throw new FormatException($"Setting '{path}' must list group names (text), not {g?.ToJsonString() ?? "null"}.")).ToList(),
        _ => throw new FormatException($"Setting '{path}' must be a list of group names."),
    };
}
