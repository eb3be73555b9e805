using System.Globalization;

namespace Automation.Bench.Bots;

/// <summary>
/// CPU time used by this process and every process under it (the Playwright driver, Chromium and its renderers), from
/// /proc: each live process's user and system time plus that of the children it has already reaped (so a renderer that
/// has exited still counts, through Chromium's process that waited for it). Unlike wall time it hardly changes with
/// what else the machine runs, so it says what an item costs on a quiet machine.
/// </summary>
internal static class ProcessTreeCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux (getconf CLK_TCK).

    /// <summary>Seconds of CPU used so far by this process tree, by kind of process ("bench" for this process, otherwise the program: node, chromium...); empty where /proc is not there.</summary>
    public static Dictionary<string, double> Seconds()
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!OperatingSystem.IsLinux()) return result;
        var stats = new Dictionary<int, (int Parent, string Name, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "stat"));
                // The command name may hold spaces and brackets: the fields start after the last ')'.
                var open = text.IndexOf('(', StringComparison.Ordinal);
                var close = text.LastIndexOf(')');
                var f = text[(close + 2)..].Split(' ');
                long Field(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
                stats[pid] = ((int)Field(1), Program(dir) ?? text[(open + 1)..close], Field(11) + Field(12) + Field(13) + Field(14));
            }
            catch (IOException)
            {
                // The process ended while the folder was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        var children = stats.ToLookup(s => s.Value.Parent, s => s.Key);
        var pending = new Stack<int>([Environment.ProcessId]);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            if (stats.TryGetValue(pid, out var s))
            {
                var name = pid == Environment.ProcessId ? "bench" : s.Name;
                result[name] = result.GetValueOrDefault(name) + s.Ticks / TicksPerSecond;
            }

            foreach (var child in children[pid]) pending.Push(child);
        }

        return result;
    }

    // The program's file name (node, chromium), which unlike the command name is not a thread's name (node calls its main
    // thread MainThread); Chromium's helper processes by their --type. Plain "chromium" is the browser process, with the
    // CPU of the renderers it has reaped (each context's renderer exits when the context closes), so mostly renderer time.
    private static string? Program(string dir)
    {
        var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
        if (args[0].Length == 0) return null;
        var name = Path.GetFileName(args[0].Split(' ')[0]);
        if (name != "chromium") return name;
        var type = args.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal));
        return type is null ? "chromium" : "chromium " + type["--type=".Length..];
    }
}
