using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Triggers;
using Microsoft.Extensions.Options;

namespace Automation.Server.Triggers.Files;

/// <summary>
/// Keeps one <see cref="FolderWatcher"/> per active <see cref="FileDropped"/> trigger: starts one when a workflow is
/// published with the trigger or resumed, replaces it when the settings change, and stops it when the trigger is paused
/// or its workflow deleted.
/// </summary>
/// <remarks>
/// Every node watches every folder; when nodes share a folder (a network share), two may see the same file, and the
/// deterministic instance id makes the second a duplicate that only archives it.
/// </remarks>
public sealed class FileDropHost(
    ITriggerStore store, TriggerChanges changes, TimeProvider clock, IOptions<TriggerOptions> options, ActivityRegistry registry,
    FileDropProcessor processor, TriggerStarter starter, ILogger<FileDropHost> logger)
    : TriggerHost(store, changes, clock, options, logger)
{
    private readonly Dictionary<string, FolderWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _logger = logger;

    /// <inheritdoc />
    protected override string TriggerType => FileDropped.TypeName;

    /// <inheritdoc />
    protected override async Task ReconcileAsync(IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken)
    {
        var wanted = registrations.Where(r => !r.Paused).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, watcher) in _watchers.ToArray())
        {
            if (wanted.TryGetValue(id, out var registration) && SameSettings(watcher.Trigger, registration))
            {
                watcher.Trigger = registration;
                continue;
            }
            _watchers.Remove(id);
            await watcher.DisposeAsync();
            _logger.LogInformation("Stopped watching for trigger {TriggerId}", id);
        }
        foreach (var (id, registration) in wanted)
        {
            if (_watchers.ContainsKey(id)) continue;
            if (!registry.TryGet(registration.Type, out var type) || TriggerSettings.Bind(type, registration.Settings) is not FileDropped settings)
                continue;
            _watchers[id] = new FolderWatcher(registration, settings, processor, starter, _clock, _logger, cancellationToken);
            _logger.LogInformation("Trigger {TriggerId} watches {Folder} for {Pattern}", id, settings.FolderPath, settings.Pattern);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var watcher in _watchers.Values) await watcher.DisposeAsync();
        _watchers.Clear();
    }

    private static bool SameSettings(TriggerRegistration a, TriggerRegistration b) =>
        a.Settings.ToJsonString() == b.Settings.ToJsonString();
}
