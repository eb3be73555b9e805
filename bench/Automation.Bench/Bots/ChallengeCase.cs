using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Queues;
using Samples.Bots.Challenge;

namespace Automation.Bench.Bots;

/// <summary>The rpa-challenge bot: an item is one whole 10-round challenge run on the page of <paramref name="site"/>; right means 70 of 70 fields.</summary>
internal sealed class ChallengeCase(ChallengeSite site) : BotBenchCase
{
    public override IQueueBot Bot { get; } = new RpaChallengeBot();

    public override string ItemIs => "one 10-round challenge run: the .xlsx read, Start, 10 × (7 label-based fills + Submit), the score read";

    public override string Target => site.Describe();

    public override JsonObject Settings => [];

    public override Task<IReadOnlyList<NewQueueItem>> ItemsAsync(int count, string batch) =>
        Task.FromResult<IReadOnlyList<NewQueueItem>>([.. Enumerable.Range(0, count).Select(_ => new NewQueueItem { Data = ChallengeBench.Data(site) })]);

    public override Task<BotCheck> CheckAsync(IReadOnlyList<QueueItem> successful)
    {
        var wrong = successful.Where(i => i.Output?["correct"]?.GetValue<int>() is not { } c || c != i.Output?["total"]?.GetValue<int>()).ToList();
        return Task.FromResult(new BotCheck(successful.Count - wrong.Count, [.. wrong.Select(i => $"item {i.Id}: {i.Output?["correct"]} of {i.Output?["total"]} fields right")]));
    }
}
