using System.Collections.Concurrent;
using Automation.Engine.Model;
using Automation.Engine.Persistence.InMemory;
using Automation.Storage.Sql.Rows;

namespace Automation.Storage.Sql;

/// <summary>
/// Flowcharts parsed from their stored JSON, keyed by the JSON text itself, so that a hit can never be stale: the
/// same text parses to the same flowchart. Every start reads the published version and every resume its version
/// again; parsing the flowchart was most of those reads, and a deep copy costs a fraction of a parse.
/// </summary>
internal static class ParsedDefinitions
{
    /// <summary>Beyond this many distinct texts the cache starts again (a bound, not a policy: versions are few and small).</summary>
    private const int MaxEntries = 2048;

    private static readonly ConcurrentDictionary<string, WorkflowDefinition> Cache = new(StringComparer.Ordinal);

    /// <summary>A flowchart of <paramref name="json"/> that the caller owns (a copy of the cached parse).</summary>
    public static WorkflowDefinition Parse(string json)
    {
        if (!Cache.TryGetValue(json, out var parsed))
        {
            parsed = StoredJson.Read<WorkflowDefinition>(json);
            if (Cache.Count >= MaxEntries)
            {
                Cache.Clear();
            }

            Cache[json] = parsed;
        }

        return ModelCopies.Copy(parsed);
    }
}
