using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace Automation.Samples.Tests.Support;

/// <summary>What one item came to: the output the bot returned, or the exception it threw.</summary>
public sealed record BotItemResult(QueueItem Item, JsonObject? Output, Exception? Error)
{
    /// <summary>The business exception's code, when the item failed as one.</summary>
    public string? Code => (Error as BusinessException)?.Code;
}

/// <summary>
/// A test-only stand-in for the bot host: N workers each take the queue's next item, open a fresh browser context,
/// run the bot, and settle the item (Successful with the output; Failed as business or system by the exception) until
/// the queue has nothing left to take.
/// </summary>
public sealed class BotLoop(IWorkQueueStore store, BrowserPool browsers, CredentialVault vault, IQueueBot bot, JsonObject settings)
{
    public async Task<IReadOnlyList<BotItemResult>> DrainAsync(string queue, int workers = 1)
    {
        var results = new List<BotItemResult>();
        await Task.WhenAll(Enumerable.Range(1, workers).Select(w => WorkAsync(queue, $"{bot.Name}@test#{w}", results)));
        return results;
    }

    private async Task WorkAsync(string queue, string workerId, List<BotItemResult> results)
    {
        while (await store.TakeNextAsync(queue, workerId, DateTimeOffset.UtcNow) is { } item)
        {
            var browser = await browsers.NewContextAsync();
            var context = new BotItemContext
            {
                Item = item,
                Page = await browser.NewPageAsync(),
                Settings = settings.DeepClone().AsObject(),
                Credentials = vault,
                WorkerId = workerId,
                Logger = NullLogger.Instance,
            };
            BotItemResult result;
            try
            {
                var output = await bot.ProcessAsync(context, CancellationToken.None);
                await store.CompleteAsync(item.Id, workerId, output, DateTimeOffset.UtcNow);
                result = new BotItemResult(item, output, null);
            }
            catch (BusinessException e)
            {
                await store.FailAsync(item.Id, workerId, QueueFailureKind.Business, context.Mask(e.Message), e.Code, DateTimeOffset.UtcNow);
                result = new BotItemResult(item, null, e);
            }
            catch (Exception e)
            {
                await store.FailAsync(item.Id, workerId, QueueFailureKind.System, context.Mask(e.Message), DateTimeOffset.UtcNow);
                result = new BotItemResult(item, null, e);
            }
            finally
            {
                await browser.CloseAsync();
            }
            lock (results) results.Add(result);
        }
    }
}
