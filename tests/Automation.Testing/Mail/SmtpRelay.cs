using System.Diagnostics;
using System.Text.Json;

namespace Automation.Testing.Mail;

/// <summary>
/// The one OpenSMTPD of the machine, shared by every test process that uses a <see cref="MailServer"/>: it accepts
/// SMTP on 127.0.0.1 and hands each message over LMTP to the Dovecot of the recipient's domain.
/// </summary>
/// <remarks>
/// <para>
/// Why shared: OpenSMTPD keeps its queue in <c>/var/spool/smtpd</c> and its control socket in
/// <c>/var/run/smtpd.sock</c>, so only one can run per machine, while <c>scripts/test.sh</c> runs two test projects
/// at once and each may start mail servers. So each <see cref="MailServer"/> runs its own Dovecot (own ports, users and
/// maildirs) under its own domain, and registers a route "domain → lmtp://127.0.0.1:its LMTP port" here. The routes
/// are a file table that OpenSMTPD re-reads on <c>smtpctl update table routes</c>, so adding one never restarts the
/// relay under another process's feet.
/// </para>
/// <para>
/// Every change happens under an exclusive lock on <c>/tmp/automation-test-mail/relay.lock</c> (flock, released by the
/// kernel if the holder dies). Each registration is a file under <c>clients/</c> named after the registering process;
/// registrations of processes that no longer exist are dropped. Each process that uses the relay is registered until
/// it exits (<see cref="Release"/>); when the last one goes, the relay is stopped by its PID. A relay left running by a
/// killed run is reused by the next.
/// </para>
/// </remarks>
internal static class SmtpRelay
{
    private const string Daemon = "/usr/sbin/smtpd";
    private const string Control = "/usr/sbin/smtpctl";
    private static readonly string Root = "/tmp/automation-test-mail/relay";
    private static readonly string LockFile = "/tmp/automation-test-mail/relay.lock";
    private static string Clients => Path.Combine(Root, "clients");
    private static string StateFile => Path.Combine(Root, "relay.json");
    private static string RoutesFile => Path.Combine(Root, "routes");
    private static string ConfigFile => Path.Combine(Root, "smtpd.conf");
    private static string LogFile => Path.Combine(Root, "smtpd.log");

    private static int _processRegistered;

    /// <summary>Routes mail for <paramref name="domain"/> to the LMTP service on <paramref name="lmtpPort"/>, starting the relay if needed.</summary>
    /// <returns>The relay's SMTP port, and the registration to pass to <see cref="RemoveRoute"/>.</returns>
    /// <exception cref="InvalidOperationException">OpenSMTPD is not installed, cannot run here, or did not start.</exception>
    public static (int SmtpPort, string Registration) AddRoute(string domain, int lmtpPort)
    {
        if (!File.Exists(Daemon))
            throw new InvalidOperationException($"OpenSMTPD is not installed ({Daemon} is missing): run scripts/install-deps.sh (package opensmtpd).");
        if (!UnixProcess.IsRoot)
            throw new InvalidOperationException("The test mail relay (OpenSMTPD) must be started by root: it drops privileges itself.");
        using var held = Lock();
        Directory.CreateDirectory(Clients);
        // The process stays registered until it exits (or Release), so that tests starting and stopping mail servers
        // one after another reuse one relay instead of restarting it each time.
        if (Interlocked.Exchange(ref _processRegistered, 1) == 0)
        {
            File.WriteAllText(ProcessFile(Environment.ProcessId), "");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Release();
        }
        var registration = Path.Combine(Clients, $"{Environment.ProcessId}-{Guid.NewGuid():N}.route");
        File.WriteAllText(registration, $"{domain} lmtp://127.0.0.1:{lmtpPort}\n");
        DropDeadClients();
        WriteRoutes();
        var port = RunningPort() ?? StartRelay();
        UpdateRoutes();
        return (port, registration);
    }

    /// <summary>Removes a route added by <see cref="AddRoute"/> (the relay keeps running for this process's next server).</summary>
    public static void RemoveRoute(string registration)
    {
        using var held = Lock();
        File.Delete(registration);
        WriteRoutes();
        if (RunningPort() is not null) UpdateRoutes();
    }

    /// <summary>
    /// Withdraws this process (and its routes); when no other live process uses the relay, stops it by its PID.
    /// Runs at process exit; call it from an assembly's <c>[OneTimeTearDown]</c> too, as the test host may be killed
    /// before exit handlers finish.
    /// </summary>
    public static void Release()
    {
        if (Interlocked.Exchange(ref _processRegistered, 0) == 0) return;
        using var held = Lock();
        foreach (var file in Directory.EnumerateFiles(Clients, $"{Environment.ProcessId}-*.route").ToList()) File.Delete(file);
        File.Delete(ProcessFile(Environment.ProcessId));
        DropDeadClients();
        if (Directory.EnumerateFiles(Clients, "*.process").Any())
        {
            WriteRoutes();
            if (RunningPort() is not null) UpdateRoutes();
            return;
        }
        if (ReadState() is { } state) StopRelay(state.Pid);
        File.Delete(StateFile);
    }

    /// <summary>The relay's log (for a failing test's message).</summary>
    public static string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private static int? RunningPort() =>
        ReadState() is { } state && UnixProcess.IsRunning(state.Pid, "smtpd") && UnixProcess.Accepts(state.Port) ? state.Port : null;

    private static int StartRelay()
    {
        if (ReadState() is { } stale) StopRelay(stale.Pid);
        if (ShellCommand.Run(Control, ["show", "status"], TimeSpan.FromSeconds(10)).ExitCode == 0)
            throw new InvalidOperationException(
                "An OpenSMTPD that the tests did not start is running (smtpctl answers): only one can run per machine. " +
                "Stop it (for example `systemctl stop opensmtpd`; scripts/install-deps.sh disables the system service).");
        for (var attempt = 1; ; attempt++)
        {
            var port = UnixProcess.FreePort();
            File.WriteAllText(ConfigFile, $"""
                # Written by the tests (Automation.Testing SmtpRelay): routes each test mail domain to its Dovecot.
                queue ttl 10m
                table routes file:{RoutesFile}
                listen on 127.0.0.1 port {port}
                action "route" relay domain <routes>
                match from any for any action "route"

                """);
            var pid = UnixProcess.Start(Daemon, ["-d", "-f", ConfigFile], LogFile);
            if (UnixProcess.WaitForPort(port, TimeSpan.FromSeconds(15), () => UnixProcess.IsRunning(pid, "smtpd")))
            {
                File.WriteAllText(StateFile, JsonSerializer.Serialize(new RelayState(pid, port)));
                return port;
            }
            StopRelay(pid);
            if (attempt == 3) throw new InvalidOperationException($"OpenSMTPD did not start on 127.0.0.1:{port}:\n{ReadLog()}");
        }
    }

    /// <summary>Stops the relay and waits until its helper processes have let go of the control socket and ports too.</summary>
    private static void StopRelay(int pid)
    {
        UnixProcess.Stop(pid, "smtpd", TimeSpan.FromSeconds(5));
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10) && ShellCommand.Run(Control, ["show", "status"], TimeSpan.FromSeconds(10)).ExitCode == 0)
            Thread.Sleep(50);
    }

    private static string ProcessFile(int pid) => Path.Combine(Clients, $"{pid}.process");

    private static void WriteRoutes()
    {
        var routes = Directory.Exists(Clients)
            ? Directory.EnumerateFiles(Clients, "*.route").Select(File.ReadAllText).ToList()
            : [];
        // A file table may not be empty; this domain is reserved and never used.
        if (routes.Count == 0) routes.Add("unused.invalid lmtp://127.0.0.1:9\n");
        var temporary = RoutesFile + ".new";
        File.WriteAllText(temporary, string.Concat(routes));
        File.Move(temporary, RoutesFile, overwrite: true);
    }

    private static void UpdateRoutes()
    {
        var (code, output) = ShellCommand.Run(Control, ["update", "table", "routes"], TimeSpan.FromSeconds(10));
        if (code != 0) throw new InvalidOperationException($"smtpctl update table routes failed ({code}): {output}");
    }

    private static void DropDeadClients()
    {
        if (!Directory.Exists(Clients)) return;
        foreach (var file in Directory.EnumerateFiles(Clients).ToList())
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var owner = name.Contains('-') ? name[..name.IndexOf('-')] : name;
            if (UnixProcess.ParsePid(owner) is { } pid && !UnixProcess.IsAlive(pid)) File.Delete(file);
        }
    }

    private static RelayState? ReadState()
    {
        try
        {
            return File.Exists(StateFile) ? JsonSerializer.Deserialize<RelayState>(File.ReadAllText(StateFile)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FileStream Lock()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockFile)!);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Linux: other processes (and other streams here) wait.
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(20);
            }
        }
    }

    private sealed record RelayState(int Pid, int Port);
}
