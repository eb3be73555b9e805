using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Triggers;

namespace Automation.Server.Triggers.Files;

/// <summary>
/// Hands a quarantined file back to its trigger: moves it from the quarantine folder to the watched folder (under the
/// same subfolder), where the trigger takes it again as a new file. An operator fixes the file first (or the workflow).
/// </summary>
public sealed class FileQuarantineHandler(ActivityRegistry registry, ILogger<FileQuarantineHandler> logger) : IQuarantineHandler
{
    /// <inheritdoc />
    public string Source => FileDropProcessor.Source;

    /// <inheritdoc />
    public Task ReprocessAsync(QuarantinedItem item, TriggerRegistration? trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (trigger is null || !registry.TryGet(trigger.Type, out var type) || TriggerSettings.Bind(type, trigger.Settings) is not FileDropped settings)
            throw new QuarantineReprocessException($"The trigger that set the file aside no longer exists; the file is still at {item.Reference}.");
        if (!File.Exists(item.Reference))
            throw new QuarantineReprocessException($"The file is no longer at {item.Reference}; it may have been moved or deleted by hand.");
        var quarantine = settings.QuarantinePath + Path.DirectorySeparatorChar;
        var relative = item.Reference.StartsWith(quarantine, StringComparison.Ordinal)
            ? Path.GetRelativePath(settings.QuarantinePath, item.Reference)
            : Path.GetFileName(item.Reference);
        try
        {
            var back = FileMoves.MoveToFreeName(item.Reference, Path.Combine(settings.FolderPath, relative));
            logger.LogInformation("Quarantined file {ItemId} moved back to {Path} for trigger {TriggerId}", item.Id, back, trigger.Id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QuarantineReprocessException($"The file could not be moved back from {item.Reference}: {ex.Message}", ex);
        }
        return Task.CompletedTask;
    }
}
