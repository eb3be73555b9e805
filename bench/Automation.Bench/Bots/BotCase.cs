using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Queues;

namespace Automation.Bench.Bots;

/// <summary>
/// One bot the `bots` bench measures: the bot, its settings (as the host's pool configuration gives them), how to make
/// <c>n</c> items for it, and how to tell a right output from a wrong one. Add a case per sample bot.
/// </summary>
/// <param name="Label">The name in the table.</param>
/// <param name="Bot">The bot.</param>
/// <param name="Settings">Its settings.</param>
/// <param name="MakeItems">Items for one measured cell (a fresh batch per worker count).</param>
/// <param name="IsRight">Whether an output is what the item should have produced.</param>
internal sealed record BotCase(string Label, IQueueBot Bot, JsonObject Settings, Func<int, IReadOnlyList<NewQueueItem>> MakeItems, Func<JsonObject?, bool> IsRight);
