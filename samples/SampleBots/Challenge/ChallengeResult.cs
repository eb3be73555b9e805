using System.Text.Json.Nodes;

namespace Samples.Bots.Challenge;

/// <summary>What the challenge page reported at the end of a run.</summary>
/// <param name="Correct">Fields the page counted as right.</param>
/// <param name="Total">Fields in the run (70 for ten rounds of seven).</param>
/// <param name="Milliseconds">The time the page measured, from Start to the last submit.</param>
/// <param name="Message">The page's message, as shown.</param>
public sealed record ChallengeResult(int Correct, int Total, long Milliseconds, string Message)
{
    /// <summary>The result as a queue item's output.</summary>
    public JsonObject ToJson() => new()
    {
        ["correct"] = Correct,
        ["total"] = Total,
        ["milliseconds"] = Milliseconds,
        ["message"] = Message,
    };
}
