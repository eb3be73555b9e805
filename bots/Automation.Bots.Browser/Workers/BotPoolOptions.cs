using System.Text.Json.Nodes;

namespace Automation.Bots.Browser.Workers;

/// <summary>One pool of the bot host: <see cref="Workers"/> workers of bot <see cref="Bot"/> on queue <see cref="Queue"/>.</summary>
public sealed class BotPoolOptions
{
    /// <summary>The pool's name in the registry; default <c>{bot}:{queue}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The <see cref="IQueueBot.Name"/> of the bot.</summary>
    public string Bot { get; set; } = "";

    /// <summary>The queue its workers take items from.</summary>
    public string Queue { get; set; } = "";

    /// <summary>How many items the pool handles at once on this node, each in its own browser context (default 1).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>The bot's settings, passed as <see cref="BotItemContext.Settings"/> (an application's address, a credential's name).</summary>
    public JsonObject Settings { get; set; } = [];

    /// <summary>
    /// A workflow (definition id) started, once per failed attempt, when an item fails as a business exception, with input
    /// <c>{ itemId, queue, reference, reason, code, data }</c>: typically a person's task to put the data right. Null for none.
    /// </summary>
    public string? BusinessExceptionWorkflow { get; set; }

    /// <summary>The name the registry shows.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? $"{Bot}:{Queue}" : Name.Trim();
}
