using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Engine.Documents;
using Automation.Engine.Runtime;
using Automation.Engine.Triggers;
using Microsoft.AspNetCore.StaticFiles;

namespace Automation.Server.Triggers.Files;

/// <summary>What became of one attempt at a stable file.</summary>
public enum FileDropOutcome
{
    /// <summary>The file was started (or found already started) and archived, or quarantined: it is gone from the folder.</summary>
    Done,

    /// <summary>The file changed while it was read: wait for it to be stable again.</summary>
    Changed,

    /// <summary>The file could not be handled now (the store unreachable, the trigger paused): try again later.</summary>
    Retry,

    /// <summary>The file could not be read (locked, no permission): try again later, and quarantine it after <see cref="FileDropProcessor.MaxReadAttempts"/>.</summary>
    ReadFailed,
}

/// <summary>
/// Takes one stable file: keeps it as a document, starts the workflow with a deterministic instance id (trigger, path,
/// size and time of last write) and only then moves it to the archive, so a crash between the start and the move starts
/// nothing twice (the next attempt finds the instance, records a duplicate and moves the file). Files it cannot use go
/// to the quarantine folder with a <see cref="QuarantinedItem"/>.
/// </summary>
public sealed class FileDropProcessor(
    IDocumentStore documents, TriggerStarter starter, ITriggerStore store, TimeProvider clock, ILogger<FileDropProcessor> logger)
{
    /// <summary>How many failed reads of one file before it is quarantined as unreadable.</summary>
    public const int MaxReadAttempts = 5;

    /// <summary>The <see cref="QuarantinedItem.Source"/> of files.</summary>
    public const string Source = "file";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The instance id a file's event gets: the same file (path, size, time of last write) always gives the same id.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="relativePath">The file's path relative to the watched folder.</param>
    /// <param name="size">The file's size in bytes.</param>
    /// <param name="modifiedUtc">The file's time of last write (UTC).</param>
    public static string InstanceIdFor(string triggerId, string relativePath, long size, DateTime modifiedUtc) =>
        EventInstanceIds.For("file", triggerId, relativePath.Replace('\\', '/'), size.ToString(CultureInfo.InvariantCulture),
            modifiedUtc.Ticks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Handles the file at <paramref name="fullPath"/>, seen stable with <paramref name="size"/> and <paramref name="modifiedUtc"/>.</summary>
    /// <param name="trigger">The trigger's registration.</param>
    /// <param name="settings">Its settings.</param>
    /// <param name="fullPath">The file.</param>
    /// <param name="size">Its size when it was seen stable.</param>
    /// <param name="modifiedUtc">Its time of last write when it was seen stable.</param>
    /// <param name="failedReads">How many earlier reads of it failed.</param>
    /// <param name="cancellationToken">Stops the work (the host is stopping).</param>
    public async Task<FileDropOutcome> ProcessAsync(
        TriggerRegistration trigger, FileDropped settings, string fullPath, long size, DateTime modifiedUtc, int failedReads,
        CancellationToken cancellationToken)
    {
        // The watcher's registration may be up to a refresh interval old: a trigger paused or removed since takes nothing.
        if (await store.GetAsync(trigger.Id, cancellationToken) is not { Paused: false } current) return FileDropOutcome.Retry;

        var relative = Path.GetRelativePath(settings.FolderPath, fullPath);
        if (size == 0) return await QuarantineAsync(trigger, settings, fullPath, relative, "The file is empty (0 bytes).", cancellationToken);

        byte[] content;
        try
        {
            await using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            content = new byte[stream.Length];
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return FileDropOutcome.Done; // Taken by another node, or removed by a person.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (failedReads + 1 < MaxReadAttempts)
            {
                logger.LogInformation("Trigger {TriggerId} could not read {File} yet ({Reason}); trying again", trigger.Id, relative, ex.Message);
                return FileDropOutcome.ReadFailed;
            }
            return await QuarantineAsync(trigger, settings, fullPath, relative,
                $"The file could not be read after {MaxReadAttempts} tries: {ex.Message}", cancellationToken);
        }
        var info = new FileInfo(fullPath);
        if (content.Length != size || !info.Exists || info.Length != size || info.LastWriteTimeUtc != modifiedUtc) return FileDropOutcome.Changed;

        var name = Path.GetFileName(fullPath);
        var instanceId = InstanceIdFor(trigger.Id, relative, size, modifiedUtc);
        var contentType = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        var archiveTarget = Path.Combine(settings.ArchivePath, relative);
        try
        {
            var document = await documents.SaveAsync(name, contentType, content, instanceId, instanceId + "-1", cancellationToken);
            var input = new JsonObject
            {
                ["documentId"] = document.Id,
                ["name"] = name,
                ["path"] = fullPath,
                ["size"] = size,
                ["modifiedAt"] = new DateTimeOffset(modifiedUtc, TimeSpan.Zero),
                ["contentType"] = contentType,
            };
            await starter.FireAsync(current, input, instanceId, $"file {relative} ({size} bytes)", cancellationToken: cancellationToken);
        }
        catch (InvalidWorkflowInputException ex)
        {
            return await QuarantineAsync(trigger, settings, fullPath, relative, $"The workflow does not accept the file: {ex.Message}", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The starter has recorded the error event; the file stays where it is and is tried again.
            logger.LogWarning(ex, "Trigger {TriggerId} could not start its workflow for {File}; trying again", trigger.Id, relative);
            return FileDropOutcome.Retry;
        }

        try
        {
            var archived = FileMoves.MoveToFreeName(fullPath, archiveTarget);
            logger.LogInformation("Trigger {TriggerId} archived {File} to {Archive}", trigger.Id, relative, archived);
        }
        catch (FileNotFoundException)
        {
            // Another node archived it after finding the same instance.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The instance exists: the next attempt records a duplicate and tries the move again.
            logger.LogWarning("Trigger {TriggerId} started {File} but could not move it to {Archive}: {Reason}", trigger.Id, relative, archiveTarget, ex.Message);
            await starter.RecordAsync(trigger, TriggerEventKinds.Error, $"file {relative}: started, but could not be moved to the archive: {ex.Message}",
                instanceId, cancellationToken);
            return FileDropOutcome.Retry;
        }
        return FileDropOutcome.Done;
    }

    private async Task<FileDropOutcome> QuarantineAsync(
        TriggerRegistration trigger, FileDropped settings, string fullPath, string relative, string reason, CancellationToken cancellationToken)
    {
        string quarantined;
        try
        {
            quarantined = FileMoves.MoveToFreeName(fullPath, Path.Combine(settings.QuarantinePath, relative));
        }
        catch (FileNotFoundException)
        {
            return FileDropOutcome.Done;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Trigger {TriggerId} could not move {File} to quarantine: {Reason}", trigger.Id, relative, ex.Message);
            return FileDropOutcome.Retry;
        }
        await store.AddQuarantinedAsync(new QuarantinedItem
        {
            Id = Guid.CreateVersion7().ToString("N"),
            TriggerId = trigger.Id,
            Source = Source,
            Reference = quarantined,
            Summary = relative.Replace('\\', '/'),
            Reason = reason,
            QuarantinedAt = clock.GetUtcNow(),
        }, cancellationToken);
        await starter.RecordAsync(trigger, TriggerEventKinds.Quarantined, $"file {relative}: {reason}", cancellationToken: cancellationToken);
        logger.LogWarning("Trigger {TriggerId} quarantined {File} to {Quarantine}: {Reason}", trigger.Id, relative, quarantined, reason);
        return FileDropOutcome.Done;
    }
}
