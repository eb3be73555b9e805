using System.Text.Json.Nodes;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// A bot written in C#: it handles one queue item at a time in a fresh browser context the bot host gives it. The host
/// takes the item, heartbeats its lease, and settles it by what <see cref="ProcessAsync"/> does: returns → Successful
/// with the returned output; throws <see cref="BusinessException"/> → Failed (bad data, never retried); throws anything
/// else → a system exception (evidence saved, retried by the queue's policy).
/// </summary>
/// <remarks>
/// A system exception, a crash or a killed process may leave an attempt half done, and the item is then taken again
/// (at-least-once). A bot therefore checks what the target system already holds before it keys anything (an invoice
/// already entered, an account already created) and, when it finds its own earlier work, records that as the
/// output instead of keying it twice.
/// </remarks>
public interface IQueueBot
{
    /// <summary>The name the bot host's configuration refers to (for example <c>invoice-entry</c>).</summary>
    string Name { get; }

    /// <summary>Handles <see cref="BotItemContext.Item"/>; returns what the item's output records (may be null).</summary>
    /// <exception cref="BusinessException">The item's data cannot be processed as it is (a person must look at it).</exception>
    /// <exception cref="OperationCanceledException">The host is stopping; the item is given back untouched.</exception>
    Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken);
}
