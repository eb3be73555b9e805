using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Queues;
using Automation.Engine.Triggers;
using Automation.Server.Triggers;
using Microsoft.Extensions.Options;

namespace Automation.Server.Queues;

/// <summary>
/// Runs one worker per active <see cref="QueueItemTrigger"/> on this node. A worker takes the queue's next item (as the
/// bot <c>trigger:&lt;trigger id&gt;@&lt;machine&gt;</c>), starts the workflow with the item as input and waits for it,
/// heartbeating the item meanwhile, then settles the item: Finished → Successful (output: the instance id and output);
/// Faulted → a system exception (retried by the queue's policy); Cancelled → a business exception; an instance that
/// stops to wait (a person's task, a timer) takes the item over: the item is completed with the instance id and status.
/// </summary>
/// <remarks>
/// The instance id is derived from the item id and the attempt, so an attempt never starts two instances (also when a
/// node dies after starting one and another node retakes the item after its lease ran out, the retake is the next attempt).
/// </remarks>
public sealed class QueueTriggerHost(
    ITriggerStore store, TriggerChanges changes, TimeProvider clock, IOptions<TriggerOptions> options, ActivityRegistry registry,
    IWorkQueueStore queues, IInstanceStore instances, TriggerStarter starter, ILogger<QueueTriggerHost> logger)
    : TriggerHost(store, changes, clock, options, logger)
{
    private readonly Dictionary<string, (TriggerRegistration Registration, CancellationTokenSource Stop, Task Loop)> _workers = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _logger = logger;

    /// <inheritdoc />
    protected override string TriggerType => QueueItemTrigger.TypeName;

    /// <inheritdoc />
    protected override async Task ReconcileAsync(IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken)
    {
        var wanted = registrations.Where(r => !r.Paused).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, worker) in _workers.ToArray())
        {
            if (wanted.TryGetValue(id, out var r) && r.Settings.ToJsonString() == worker.Registration.Settings.ToJsonString() && r.Version == worker.Registration.Version)
                continue;
            _workers.Remove(id);
            await StopAsync(worker.Stop, worker.Loop).ConfigureAwait(false);
        }

        foreach (var (id, registration) in wanted)
        {
            if (_workers.ContainsKey(id)) continue;
            if (!registry.TryGet(registration.Type, out var type) || TriggerSettings.Bind(type, registration.Settings) is not QueueItemTrigger settings) continue;
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _workers[id] = (registration, stop, Task.Run(() => RunAsync(registration, settings, stop.Token), CancellationToken.None));
            _logger.LogInformation("Trigger {TriggerId} takes items of queue {Queue}", id, settings.Queue);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var worker in _workers.Values) await StopAsync(worker.Stop, worker.Loop).ConfigureAwait(false);
        _workers.Clear();
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task loop)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task RunAsync(TriggerRegistration registration, QueueItemTrigger settings, CancellationToken stop)
    {
        var bot = $"trigger:{registration.Id}@{Environment.MachineName}";
        var queue = settings.Queue.Trim();
        while (!stop.IsCancellationRequested)
        {
            QueueItem? item = null;
            try
            {
                item = await queues.TakeNextAsync(queue, bot, _clock.GetUtcNow(), stop).ConfigureAwait(false);
                if (item is null)
                {
                    await Task.Delay(settings.PollInterval, _clock, stop).ConfigureAwait(false);
                    continue;
                }

                await HandleAsync(registration, item, bot, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopping: the item goes back without using its attempt. If its instance had already started, the next
                // take has the same attempt number, so it finds that instance by its id and settles the item by it.
                if (item is not null) await queues.ReleaseAsync(item.Id, bot, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Trigger {TriggerId} could not handle an item of queue {Queue}", registration.Id, queue);
                if (item is not null)
                    await queues.FailAsync(item.Id, bot, QueueFailureKind.System, e.Message, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(settings.PollInterval, _clock, stop).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(TriggerRegistration registration, QueueItem item, string bot, CancellationToken stop)
    {
        var input = new JsonObject
        {
            ["itemId"] = item.Id, ["queue"] = item.Queue, ["reference"] = item.Reference,
            ["priority"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(item.Priority.ToString()),
            ["deadline"] = item.Deadline, ["attempt"] = item.Attempts, ["data"] = item.Data.DeepClone(),
        };
        var instanceId = EventInstanceIds.For(registration.Id, item.Id, item.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WorkflowInstance? instance;
        // A lost lease is logged by the heartbeat; the instance runs on, and settling the item below is then refused by the store.
        await using (LeaseHeartbeat.Start(queues, item, bot, _clock, _logger))
        {
            try
            {
                var firing = await starter.FireAsync(registration, input, instanceId, $"queue item {item.Reference ?? item.Id}", wait: true, cancellationToken: stop)
                    .ConfigureAwait(false);
                instance = firing.Instance ?? await instances.GetAsync(firing.InstanceId, stop).ConfigureAwait(false);
            }
            catch (TriggerPausedException)
            {
                await queues.ReleaseAsync(item.Id, bot, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return;
            }
        }

        var now = _clock.GetUtcNow();
        var output = new JsonObject { ["instanceId"] = instanceId, ["status"] = instance?.Status.ToString().ToLowerInvariant() };
        switch (instance?.Status)
        {
            case WorkflowStatus.Faulted:
                await queues.FailAsync(item.Id, bot, QueueFailureKind.System, $"Instance {instanceId} faulted: {instance.FaultMessage}", now, CancellationToken.None).ConfigureAwait(false);
                break;
            case WorkflowStatus.Cancelled:
                await queues.FailAsync(item.Id, bot, QueueFailureKind.Business, $"Instance {instanceId} was cancelled.", now, CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                if (instance?.Output is { } result) output["output"] = result.DeepClone();
                await queues.CompleteAsync(item.Id, bot, output, now, CancellationToken.None).ConfigureAwait(false);
                break;
        }
    }
}
