namespace Automation.Server.Triggers.Files;

/// <summary>Moves files without overwriting: a name already taken at the target gets a numbered suffix.</summary>
public static class FileMoves
{
    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>, or to <c>name-1.ext</c>, <c>name-2.ext</c>… when taken; creates the target's folder.</summary>
    /// <returns>Where the file now is.</returns>
    /// <exception cref="FileNotFoundException">The source is gone (another node moved it).</exception>
    /// <exception cref="IOException">The move failed (permissions, a full disk).</exception>
    public static string MoveToFreeName(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var folder = Path.GetDirectoryName(target)!;
        var stem = Path.GetFileNameWithoutExtension(target);
        var extension = Path.GetExtension(target);
        for (var n = 0; ; n++)
        {
            var candidate = n == 0 ? target : Path.Combine(folder, $"{stem}-{n}{extension}");
            if (File.Exists(candidate)) continue;
            try
            {
                File.Move(source, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(candidate) && File.Exists(source) && n < 10_000)
            {
                // Another writer took the name between the check and the move: try the next one.
            }
        }
    }
}
