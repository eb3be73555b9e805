using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Automation.Testing.Mail;

/// <summary>
/// Starting, checking and stopping the mail daemons by PID. They are started through <c>/bin/sh -c 'exec ...'</c> with
/// their output sent to a log file, so that they hold no pipe of the test host (a daemon writing to a pipe whose reader
/// has gone dies of SIGPIPE, and a test runner may wait for a pipe that a daemon keeps open).
/// </summary>
internal static class UnixProcess
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Starts <paramref name="program"/> in the foreground of its own process, output appended to <paramref name="log"/>.</summary>
    /// <returns>The PID, which is the daemon's own (the shell execs it).</returns>
    public static int Start(string program, IEnumerable<string> arguments, string log)
    {
        var command = "exec " + string.Join(' ', new[] { program }.Concat(arguments).Select(ShellCommand.Quote))
            + " >>" + ShellCommand.Quote(log) + " 2>&1 </dev/null";
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Until the shell has exec'd the program, /proc shows "sh": wait for that, so that a check of the program's
        // name right after does not take the moment before exec for a daemon that died.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(5) && !process.HasExited && ReadComm(process.Id) == "sh") Thread.Sleep(5);
        return process.Id;
    }

    /// <summary>
    /// True when a process with this PID exists and runs <paramref name="command"/> (its /proc comm name). Dovecot
    /// execs doveconf to read its configuration and doveconf execs Dovecot again, so "doveconf" counts as Dovecot.
    /// </summary>
    public static bool IsRunning(int pid, string command)
    {
        try
        {
            var state = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": a zombie (Z) has exited already.
            var close = state.LastIndexOf(')');
            var status = close > 0 && close + 2 < state.Length ? state[close + 2] : 'Z';
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            return status != 'Z' && (comm == command || (command == "dovecot" && comm == "doveconf"));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>What /proc says of <paramref name="pid"/> (for error messages).</summary>
    public static string Describe(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ').Take(3).Aggregate((a, b) => a + " " + b);
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    private static string? ReadComm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when the process <paramref name="pid"/> exists (any program).</summary>
    public static bool IsAlive(int pid) => pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}");

    /// <summary>Sends SIGTERM to <paramref name="pid"/> if it runs <paramref name="command"/>, waits for it to go, then SIGKILL.</summary>
    public static void Stop(int pid, string command, TimeSpan grace)
    {
        if (!IsRunning(pid, command)) return;
        _ = kill(pid, SigTerm);
        var waited = Stopwatch.StartNew();
        while (IsRunning(pid, command) && waited.Elapsed < grace) Thread.Sleep(20);
        if (IsRunning(pid, command)) _ = kill(pid, SigKill);
        // A child of this process stays a zombie until reaped; .NET reaps the children it started itself.
        waited.Restart();
        while (IsRunning(pid, command) && waited.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(20);
    }

    /// <summary>Waits until something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    /// <returns>False when <paramref name="timeout"/> passed or <paramref name="stillStarting"/> said the daemon died.</returns>
    public static bool WaitForPort(int port, TimeSpan timeout, Func<bool> stillStarting)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (Accepts(port)) return true;
            if (!stillStarting()) return false;
            Thread.Sleep(25);
        }
        return false;
    }

    /// <summary>True when 127.0.0.1:<paramref name="port"/> accepts a connection.</summary>
    public static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A TCP port that was free a moment ago (the daemon may still lose it to another process: callers retry).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The PID that <paramref name="text"/> holds, or null.</summary>
    public static int? ParsePid(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    /// <summary>True when the tests run as root (Dovecot then runs mail as <c>nobody</c>, and OpenSMTPD can start).</summary>
    public static bool IsRoot => geteuid() == 0;

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
