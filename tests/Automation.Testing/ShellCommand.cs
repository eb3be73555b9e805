using System.Diagnostics;

namespace Automation.Testing;

/// <summary>Runs a program and returns its exit code and output; used to drive PostgreSQL's command-line tools.</summary>
internal static class ShellCommand
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> and waits up to <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Single-quotes <paramref name="value"/> for /bin/sh.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
