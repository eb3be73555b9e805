using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Server.Triggers.Files;

/// <summary>
/// Starts the workflow for each file that lands in a folder (a share a supplier or another system writes to), once the
/// file has stopped changing. The file is kept as a document, and moved to an archive folder once the instance exists.
/// </summary>
[Activity(TypeName, Category = "Triggers", IsTrigger = true, DisplayName = "File dropped",
    Description = "Starts the workflow for each file dropped into a folder once it has stopped changing; the file is kept as a document and then moved to an archive folder.")]
[Outcome(Outcomes.Done)]
[Output("documentId", "string", Description = "The file's copy in the document store.")]
[Output("name", "string", Description = "The file's name.")]
[Output("path", "string", Description = "Where the file was found (it is in the archive folder by the time the workflow runs).")]
[Output("size", "number", Description = "The file's size in bytes.")]
[Output("modifiedAt", "datetime", Description = "When the file was last written.")]
[Output("contentType", "string", Description = "The MIME type guessed from the file's extension.")]
public sealed class FileDropped : TriggerActivity
{
    /// <summary>The activity type name.</summary>
    public const string TypeName = "FileDropped";

    /// <summary>The longest stability wait allowed.</summary>
    public static readonly TimeSpan MaxStabilityWait = TimeSpan.FromHours(1);

    /// <summary>The watched folder (absolute).</summary>
    [Input(Description = "The folder to watch, as an absolute path on the server (for example /srv/shares/invoices).", Required = true)]
    public string Folder { get; set; } = "";

    /// <summary>Which files to take: a name pattern with * and ?.</summary>
    [Input(Description = "Which files to take, by name: * matches any characters and ? one (for example *.pdf). Names starting with '.' are never taken.")]
    public string Pattern { get; set; } = "*";

    /// <summary>How long a file's size and modification time must stay unchanged before it is taken.</summary>
    [Input(Description = "How long a file must stay unchanged (size and time of last write) before it is taken, so half-written files are left alone.")]
    public TimeSpan StabilityWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where taken files go; <c>&lt;folder&gt;/processed</c> when empty.</summary>
    [Input(Description = "Where files go once their instance has started (absolute path); a 'processed' folder inside the watched folder when empty.")]
    public string? ArchiveFolder { get; set; }

    /// <summary>Where unusable files go; <c>&lt;folder&gt;/quarantine</c> when empty.</summary>
    [Input(Description = "Where files the trigger cannot use (empty, unreadable) are set aside (absolute path); a 'quarantine' folder inside the watched folder when empty.")]
    public string? QuarantineFolder { get; set; }

    /// <summary>Whether files in subfolders are taken too.</summary>
    [Input(Description = "Also take files in subfolders (except the archive and quarantine folders); they are archived under the same subfolder.")]
    public bool IncludeSubfolders { get; set; }

    /// <summary>The watched folder, absolute and without a trailing separator; only meaningful when the settings are valid.</summary>
    public string FolderPath => Normalise(Folder);

    /// <summary>The archive folder in force.</summary>
    public string ArchivePath => string.IsNullOrWhiteSpace(ArchiveFolder) ? Path.Combine(FolderPath, "processed") : Normalise(ArchiveFolder);

    /// <summary>The quarantine folder in force.</summary>
    public string QuarantinePath => string.IsNullOrWhiteSpace(QuarantineFolder) ? Path.Combine(FolderPath, "quarantine") : Normalise(QuarantineFolder);

    /// <inheritdoc />
    /// <remarks>The folder: two workflows taking files from one folder would race for them and share an archive.</remarks>
    public override string? TriggerKey => Path.IsPathFullyQualified(Folder.Trim()) ? FolderPath : null;

    /// <inheritdoc />
    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        var folderOk = Path.IsPathFullyQualified(Folder.Trim());
        if (!folderOk) yield return ("folder", $"'{Folder}' is not an absolute path; give the folder's full path on the server.");
        if (string.IsNullOrWhiteSpace(Pattern) || Pattern.IndexOfAny(['/', '\\']) >= 0 || Pattern.Trim() != Pattern)
            yield return ("pattern", $"'{Pattern}' is not a file name pattern; use a name with * and ?, such as *.pdf (no folders).");
        if (StabilityWait < TimeSpan.Zero || StabilityWait > MaxStabilityWait)
            yield return ("stabilityWait", "The stability wait must be between 0 and 1 hour.");
        if (!string.IsNullOrWhiteSpace(ArchiveFolder) && !Path.IsPathFullyQualified(ArchiveFolder.Trim()))
            yield return ("archiveFolder", $"'{ArchiveFolder}' is not an absolute path.");
        else if (folderOk && SamePath(ArchivePath, FolderPath))
            yield return ("archiveFolder", "The archive folder must not be the watched folder itself (files would be taken again).");
        if (!string.IsNullOrWhiteSpace(QuarantineFolder) && !Path.IsPathFullyQualified(QuarantineFolder.Trim()))
            yield return ("quarantineFolder", $"'{QuarantineFolder}' is not an absolute path.");
        else if (folderOk && SamePath(QuarantinePath, FolderPath))
            yield return ("quarantineFolder", "The quarantine folder must not be the watched folder itself (files would be taken again).");
        else if (folderOk && SamePath(QuarantinePath, ArchivePath))
            yield return ("quarantineFolder", "The quarantine folder must differ from the archive folder.");
    }

    private static string Normalise(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path.Trim()));

    private static bool SamePath(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
