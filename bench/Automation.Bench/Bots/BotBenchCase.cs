using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Queues;

namespace Automation.Bench.Bots;

/// <summary>
/// One bot the `bots` bench measures through the bot host: the bot, the pool settings an operator would configure for
/// it, the application it drives (started by the case), how to make items for it, and how to check in that application
/// what the bot did. A case per sample bot.
/// </summary>
internal abstract class BotBenchCase : IAsyncDisposable
{
    /// <summary>The bot.</summary>
    public abstract IQueueBot Bot { get; }

    /// <summary>What one item is, for the table's notes.</summary>
    public abstract string ItemIs { get; }

    /// <summary>What the bot drives, for the table's notes.</summary>
    public abstract string Target { get; }

    /// <summary>The pool's settings (Automation:Bots:Pools:n:Settings).</summary>
    public abstract JsonObject Settings { get; }

    /// <summary>The queue's item schema, as the shipped queue has it (null for none).</summary>
    public virtual JsonObject? DataSchema => null;

    /// <summary>Saves the credentials the settings name into <paramref name="vault"/>.</summary>
    public virtual Task SaveCredentialsAsync(CredentialVault vault) => Task.CompletedTask;

    /// <summary><paramref name="count"/> new items, none repeating an item of an earlier batch (each must do fresh work).</summary>
    public abstract Task<IReadOnlyList<NewQueueItem>> ItemsAsync(int count, string batch);

    /// <summary>Checks the successful items' outputs against what the application holds: how many are right, and a line per problem found.</summary>
    public abstract Task<BotCheck> CheckAsync(IReadOnlyList<QueueItem> successful);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>What <see cref="BotBenchCase.CheckAsync"/> found.</summary>
/// <param name="Right">Successful items whose work the application holds as the item asked.</param>
/// <param name="Problems">One line per item that is not right, or per other problem (a double posting, a notice that never arrived).</param>
internal sealed record BotCheck(int Right, IReadOnlyList<string> Problems);
