using System.Text.Json.Nodes;
using Automation.Bots.Browser.Sessions;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Credentials;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace Automation.Samples.Tests.Support;

/// <summary>
/// The smallest bot host, for tests until the real one lands: takes one item, gives the bot a fresh browser
/// context, and settles the item by what the bot did (returned: Successful; BusinessException: Failed business;
/// anything else: a system exception).
/// </summary>
public static class TestBotLoop
{
    /// <summary>A credential vault with nothing in it (the challenge bot needs no sign-on).</summary>
    public static CredentialVault EmptyVault() =>
        new(new InMemoryCredentialStore(), new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);

    /// <summary>Takes the next item of <paramref name="queue"/>, has <paramref name="bot"/> handle it, settles it and returns it as stored.</summary>
    public static async Task<QueueItem> RunOneAsync(IWorkQueueStore store, string queue, IQueueBot bot, BrowserPool pool, JsonObject? settings = null)
    {
        var worker = $"{bot.Name}@test#1";
        var item = await store.TakeNextAsync(queue, worker, DateTimeOffset.UtcNow) ?? throw new InvalidOperationException($"Queue {queue} has no item waiting.");
        var browser = await pool.NewContextAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var context = new BotItemContext
            {
                Item = item,
                Page = page,
                Settings = settings ?? [],
                Credentials = EmptyVault(),
                WorkerId = worker,
                Logger = NullLogger.Instance,
            };
            try
            {
                var output = await bot.ProcessAsync(context, CancellationToken.None);
                await store.CompleteAsync(item.Id, worker, output, DateTimeOffset.UtcNow);
            }
            catch (BusinessException e)
            {
                await store.FailAsync(item.Id, worker, QueueFailureKind.Business, e.Message, DateTimeOffset.UtcNow);
            }
            catch (Exception e)
            {
                await store.FailAsync(item.Id, worker, QueueFailureKind.System, e.Message, DateTimeOffset.UtcNow);
            }
        }
        finally
        {
            await browser.CloseAsync();
        }

        return (await store.GetItemAsync(item.Id))!;
    }
}
