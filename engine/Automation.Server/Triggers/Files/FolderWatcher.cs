using System.IO.Enumeration;
using Automation.Engine.Triggers;

namespace Automation.Server.Triggers.Files;

/// <summary>
/// Watches one trigger's folder: a poll every second is the source of truth (it finds files dropped while the server was
/// down, and works on network shares where change notifications are unreliable); a <see cref="FileSystemWatcher"/> only
/// wakes the poll early. A file is handed to the <see cref="FileDropProcessor"/> once its size and time of last write
/// have stayed the same for the stability wait.
/// </summary>
internal sealed class FolderWatcher : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private readonly FileDropped _settings;
    private readonly FileDropProcessor _processor;
    private readonly TriggerStarter _starter;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Observation> _files = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Task _loop;
    private FileSystemWatcher? _watcher;
    private bool _folderMissingReported;

    public FolderWatcher(
        TriggerRegistration trigger, FileDropped settings, FileDropProcessor processor, TriggerStarter starter, TimeProvider clock, ILogger logger,
        CancellationToken stopping)
    {
        Trigger = trigger;
        _settings = settings;
        _processor = processor;
        _starter = starter;
        _clock = clock;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>The registration being served (its settings decide whether the watcher must be replaced).</summary>
    public TriggerRegistration Trigger { get; set; }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Trigger {TriggerId} could not scan {Folder}; trying again", Trigger.Id, _settings.FolderPath);
            }
            try
            {
                await _wake.WaitAsync(PollInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        var folder = _settings.FolderPath;
        if (!Directory.Exists(folder))
        {
            if (!_folderMissingReported)
            {
                _folderMissingReported = true;
                _logger.LogWarning("Trigger {TriggerId} is waiting for folder {Folder}, which does not exist or cannot be reached", Trigger.Id, folder);
                await _starter.RecordAsync(Trigger, TriggerEventKinds.Error,
                    $"The folder {folder} does not exist or cannot be reached; files are taken once it is there.", cancellationToken: ct);
            }
            DisposeWatcher();
            return;
        }
        _folderMissingReported = false;
        _watcher ??= TryWatch(folder);

        var now = _clock.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Candidates(folder))
        {
            ct.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            if (!info.Exists) continue;
            seen.Add(path);
            var size = info.Length;
            var modified = info.LastWriteTimeUtc;
            if (!_files.TryGetValue(path, out var seenBefore) || seenBefore.Size != size || seenBefore.Modified != modified)
                _files[path] = seenBefore = new Observation(size, modified, now);
            if (now - seenBefore.Since < _settings.StabilityWait || now < seenBefore.RetryAt) continue;

            var outcome = await _processor.ProcessAsync(Trigger, _settings, path, size, modified, seenBefore.FailedReads, ct);
            switch (outcome)
            {
                case FileDropOutcome.Done:
                    _files.Remove(path);
                    seen.Remove(path);
                    break;
                case FileDropOutcome.Changed:
                    _files.Remove(path);
                    break;
                case FileDropOutcome.Retry or FileDropOutcome.ReadFailed:
                    var retries = seenBefore.Retries + 1;
                    var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, retries - 1), MaxRetryDelay.TotalSeconds));
                    _files[path] = seenBefore with
                    {
                        Retries = retries,
                        FailedReads = seenBefore.FailedReads + (outcome == FileDropOutcome.ReadFailed ? 1 : 0),
                        RetryAt = _clock.GetUtcNow() + delay,
                    };
                    break;
            }
        }
        foreach (var gone in _files.Keys.Where(k => !seen.Contains(k)).ToArray()) _files.Remove(gone);
    }

    private List<string> Candidates(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = _settings.IncludeSubfolders,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var pattern = _settings.Pattern;
        var archive = _settings.ArchivePath;
        var quarantine = _settings.QuarantinePath;
        var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && !entry.FileName.StartsWith('.') && FileSystemName.MatchesSimpleExpression(pattern, entry.FileName, ignoreCase: true),
            // The archive and quarantine folders are not walked at all: an archive of years of files would slow every poll.
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                entry.ToFullPath() is var path && !string.Equals(path, archive, StringComparison.Ordinal) && !string.Equals(path, quarantine, StringComparison.Ordinal),
        };
        return files.Order(StringComparer.Ordinal).ToList();
    }

    private FileSystemWatcher? TryWatch(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = _settings.IncludeSubfolders,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => Wake();
            watcher.Changed += (_, _) => Wake();
            watcher.Renamed += (_, _) => Wake();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Out of inotify watches, or a file system without notifications: the poll alone still finds every file.
            _logger.LogInformation("Trigger {TriggerId} polls {Folder} without change notifications: {Reason}", Trigger.Id, folder, ex.Message);
            return null;
        }
    }

    private void Wake()
    {
        try { if (_wake.CurrentCount == 0) _wake.Release(); }
        catch (SemaphoreFullException) { }
        catch (ObjectDisposedException) { }
    }

    private void DisposeWatcher()
    {
        _watcher?.Dispose();
        _watcher = null;
    }

    /// <summary>Stops the loop (a file being handled finishes its step first) and the change notifications.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        DisposeWatcher();
        _stop.Dispose();
        _wake.Dispose();
    }

    /// <summary>A file as last seen: unchanged since <see cref="Since"/>; not tried again before <see cref="RetryAt"/>.</summary>
    private sealed record Observation(long Size, DateTime Modified, DateTimeOffset Since)
    {
        /// <summary>Attempts that ended in a retry (they space the next ones out).</summary>
        public int Retries { get; init; }

        /// <summary>Attempts whose read failed.</summary>
        public int FailedReads { get; init; }

        public DateTimeOffset RetryAt { get; init; }
    }
}
