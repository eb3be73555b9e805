using Automation.Engine.Queues;

namespace Automation.Engine.Bots;

/// <summary>
/// How many attempts of one kind a bot settled on a queue in a window, from the queue items' history. A bot is the part
/// of the actor (a worker id) before '@'; a lease that ran out counts for the bot that held the item.
/// </summary>
/// <param name="Queue">The queue.</param>
/// <param name="Bot">The bot (the actor before '@'; the whole actor when it has no '@').</param>
/// <param name="Successful">True for completed attempts, false for failed ones.</param>
/// <param name="FailureKind">The kind of a failed attempt; null for a successful one.</param>
/// <param name="FailureCode">The code of a failed attempt; null for a successful one or when it had none.</param>
/// <param name="Count">How many attempts.</param>
public sealed record BotActivity(string Queue, string Bot, bool Successful, QueueFailureKind? FailureKind, string? FailureCode, long Count);
