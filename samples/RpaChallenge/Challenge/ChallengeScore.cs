namespace Samples.RpaChallenge.Challenge;

/// <summary>The page's report of a finished run: the values submitted in each round, keyed by field label, and the time it measured.</summary>
public sealed record ChallengeSubmission(List<Dictionary<string, string>>? Rounds, long? Milliseconds);

/// <summary>The score: correct fields out of the total, and the milliseconds from Start to the last submit.</summary>
public sealed record ChallengeScore(int Correct, int Total, long Milliseconds, string Message);

/// <summary>Scores a run: round N is compared with row N, field by field (surrounding spaces ignored, case kept).</summary>
public static class ChallengeScoring
{
    /// <summary>The score of <paramref name="submission"/>.</summary>
    /// <exception cref="ArgumentException">The submission has no rounds, more than ten, or no (or a negative) time; the message says which.</exception>
    public static ChallengeScore Score(ChallengeSubmission submission)
    {
        if (submission.Rounds is null || submission.Rounds.Count is 0 or > 10)
        {
            throw new ArgumentException("rounds must hold 1 to 10 objects of field label to value.", nameof(submission));
        }

        if (submission.Milliseconds is not long ms || ms < 0)
        {
            throw new ArgumentException("milliseconds must be a number of 0 or more.", nameof(submission));
        }

        var correct = 0;
        for (var i = 0; i < submission.Rounds.Count; i++)
        {
            var round = submission.Rounds[i] ?? [];
            for (var f = 0; f < ChallengeData.Fields.Length; f++)
            {
                if (round.TryGetValue(ChallengeData.Fields[f], out var v) && (v ?? "").Trim() == ChallengeData.Rows[i][f])
                {
                    correct++;
                }
            }
        }

        var total = ChallengeData.TotalFields;
        var percent = (int)Math.Round(100.0 * correct / total);
        return new(correct, total, ms, $"Congratulations! Your success rate is {percent}% ( {correct} out of {total} fields) in {ms} milliseconds");
    }
}
