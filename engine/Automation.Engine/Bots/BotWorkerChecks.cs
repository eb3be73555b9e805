namespace Automation.Engine.Bots;

/// <summary>The checks every <see cref="IBotWorkerStore"/> makes, and the rule that names a worker's bot.</summary>
public static class BotWorkerChecks
{
    /// <summary>Throws when a required field of <paramref name="worker"/> is empty.</summary>
    /// <exception cref="ArgumentException">The id, bot, queue, pool or node is empty.</exception>
    public static void Check(BotWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        foreach (var (name, value) in new[] { ("id", worker.Id), ("bot", worker.Bot), ("queue", worker.Queue), ("pool", worker.Pool), ("node", worker.Node) })
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"A bot worker's {name} must not be empty.", nameof(worker));
    }

    /// <summary>The bot of an actor in a queue item's history: the part before '@' (a worker id is <c>{bot}@{machine}#{n}</c>).</summary>
    public static string BotOf(string actor)
    {
        var at = actor.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? actor[..at] : actor;
    }
}
