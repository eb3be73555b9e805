using System.Text.Json.Nodes;
using Automation.Engine.Credentials;
using Automation.Engine.Queues;
using Automation.Server.Hosting;
using Automation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Samples.Bots.People;

namespace Automation.Samples.Tests.Support;

/// <summary>
/// The real server with its bot host running one pool of the starter/leaver bot (configured as an operator would, under
/// <c>Automation:Bots:Pools</c>) against the rig's portal and mail server; items are added to its queue and the test
/// waits until the workers have settled every one.
/// </summary>
public sealed class BotHostServer : IAsyncDisposable
{
    public const string Queue = "hr-starters-leavers";

    private readonly TempDirectory _data;

    private BotHostServer(RunningServer server, TempDirectory data)
    {
        Server = server;
        _data = data;
    }

    public RunningServer Server { get; }

    public IWorkQueueStore Queues => Server.App.Services.GetRequiredService<IWorkQueueStore>();

    public static async Task<BotHostServer> StartAsync(StarterLeaverRig rig, int workers = 2)
    {
        var data = new TempDirectory("samples-bothost");
        var settings = new Dictionary<string, string?>
        {
            ["Automation:Store"] = "sqlite",
            ["Automation:DataDirectory"] = data.Path,
            ["Automation:Samples:Load"] = "false",
            ["Automation:Auth:BootstrapAdminKey"] = "samples-bothost-admin-key-0123456789abcdef",
            ["Automation:Browser:AllowedHosts:0"] = "127.0.0.1",
            ["Automation:Bots:HeartbeatInterval"] = "00:00:01",
            ["Automation:Bots:IdlePollMax"] = "00:00:00.200",
            ["Automation:Bots:Pools:0:Bot"] = StarterLeaverBot.BotName,
            ["Automation:Bots:Pools:0:Queue"] = Queue,
            ["Automation:Bots:Pools:0:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in rig.Settings) settings[$"Automation:Bots:Pools:0:Settings:{key}"] = value!.GetValue<string>();
        var server = await AutomationServerHost.StartAsync(settings);
        await rig.SaveCredentialsAsync(server.App.Services.GetRequiredService<CredentialVault>());
        await server.App.Services.GetRequiredService<IWorkQueueStore>().SaveQueueAsync(new WorkQueue { Name = Queue, MaxAttempts = 2 }, DateTimeOffset.UtcNow);
        return new BotHostServer(server, data);
    }

    /// <summary>Adds the records (reference per record) and waits until the bot host has settled all of them; returns them as settled.</summary>
    public async Task<IReadOnlyList<QueueItem>> RunAsync(IEnumerable<(string Reference, JsonObject Data)> records, TimeSpan? timeout = null)
    {
        var added = await Queues.AddItemsAsync(Queue, [.. records.Select(r => new NewQueueItem { Reference = r.Reference, Data = r.Data })], "test", DateTimeOffset.UtcNow);
        var ids = added.Added.Select(i => i.Id).ToList();
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            var items = new List<QueueItem>();
            foreach (var id in ids) items.Add((await Queues.GetItemAsync(id))!);
            if (items.All(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed))
                return items;
            if (DateTime.UtcNow > limit)
                throw new TimeoutException($"The bot host settled {items.Count(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed)} of {items.Count} items in time.");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
