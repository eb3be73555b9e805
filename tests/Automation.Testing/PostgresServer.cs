using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace Automation.Testing;

/// <summary>
/// One real PostgreSQL 15 for the whole test run, started on first use and stopped and deleted when the process
/// exits. Set <c>AUTOMATION_TEST_PG</c> to a connection string to use an existing server instead. Tests get a fresh
/// database each from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// The cluster lives in <c>/tmp/automation-test-pg/run-&lt;pid&gt;</c>, owned by the <c>postgres</c> user (initdb and
/// postgres refuse root), with fsync and synchronous commit off (speed over durability, tests only). A cluster left
/// by a crashed run is stopped and deleted the next time a run starts.
/// </remarks>
public sealed class PostgresServer
{
    /// <summary>Environment variable naming an existing server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "AUTOMATION_TEST_PG";

    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly string RunsRoot = Path.Combine(Path.GetTempPath(), "automation-test-pg");
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => Task.Run(Start));
    private readonly NpgsqlConnectionStringBuilder admin;
    private readonly string? run;

    private PostgresServer(string adminConnectionString, string? run)
    {
        admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        this.run = run;
    }

    /// <summary>The server of this test run, started on the first call.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed or did not start.</exception>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>
    /// Stops and deletes the server this process started, if any. Call it from an assembly-level
    /// <c>[SetUpFixture]</c>'s <c>[OneTimeTearDown]</c>: the test host may be killed before process-exit handlers finish
    /// (they remain as a fallback, and the next run removes whatever a killed run left).
    /// </summary>
    public static void StopStarted()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully && Shared.Value.Result.run is { } run)
        {
            Stop(run);
        }
    }

    /// <summary>A connection string to the server's maintenance database (<c>postgres</c>).</summary>
    public string AdminConnectionString => admin.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing its connections (for servers that outlive the run).</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> Start()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external, null);
        }

        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing). Run the test command from README.md, " +
                $"which installs it, or set {ConnectionStringVariable} to the connection string of a server to use.");
        }

        CleanUpCrashedRuns();
        var run = Path.Combine(RunsRoot, $"run-{Environment.ProcessId}");
        Directory.CreateDirectory(run);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(RunsRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        if (IsRoot)
        {
            Check(ShellCommand.Run("chown", ["postgres:postgres", run], TimeSpan.FromSeconds(10)), "chown");
        }

        var data = Path.Combine(run, "data");
        Check(AsPostgres($"{Bin("initdb")} -D {ShellCommand.Quote(data)} -U postgres -A trust -E UTF8 --no-sync --no-instructions"), "initdb");

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(run);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = $"-h 127.0.0.1 -p {port} -k {run} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            var (code, output) = AsPostgres($"{Bin("pg_ctl")} -D {ShellCommand.Quote(data)} -l {ShellCommand.Quote(Path.Combine(run, "server.log"))} -o {ShellCommand.Quote(options)} -w -t 30 start");
            if (code == 0)
            {
                var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", run);
                await server.WaitUntilReadyAsync();
                return server;
            }

            if (attempt == 3)
            {
                var log = Path.Combine(run, "server.log");
                throw new InvalidOperationException($"PostgreSQL did not start: {output}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin.ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops and deletes clusters whose test process is gone.</summary>
    private static void CleanUpCrashedRuns()
    {
        if (!Directory.Exists(RunsRoot))
        {
            return;
        }

        foreach (var run in Directory.GetDirectories(RunsRoot, "run-*"))
        {
            if (int.TryParse(Path.GetFileName(run)["run-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
            {
                Stop(run);
            }
        }
    }

    private static void Stop(string run)
    {
        var data = Path.Combine(run, "data");
        if (ReadPostmasterPid(data) is { } pid && IsAlive(pid))
        {
            // SIGQUIT is PostgreSQL's immediate shutdown: no child process to start, so it finishes even while the
            // test host is being torn down; the cluster is deleted anyway.
            _ = kill(pid, SigQuit);
            var waited = Stopwatch.StartNew();
            while (IsAlive(pid) && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(20);
            }
        }

        // Server processes may still be removing their files for a moment after the postmaster exits.
        for (var attempt = 1; Directory.Exists(run); attempt++)
        {
            try
            {
                Directory.Delete(run, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 20)
            {
                Thread.Sleep(50);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Trace.TraceWarning($"Could not delete the test PostgreSQL folder {run}: {e.Message}");
                return;
            }
        }
    }

    private static int? ReadPostmasterPid(string data)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(data, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static (int ExitCode, string Output) AsPostgres(string command) => IsRoot
        ? ShellCommand.Run("su", ["postgres", "-s", "/bin/sh", "-c", command], TimeSpan.FromSeconds(60))
        : ShellCommand.Run("/bin/sh", ["-c", command], TimeSpan.FromSeconds(60));

    private static void Check((int ExitCode, string Output) result, string step)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{step} failed ({result.ExitCode}): {result.Output}");
        }
    }

    private static string Bin(string tool) => ShellCommand.Quote(Path.Combine(BinDirectory, tool));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => geteuid() == 0;

    private const int SigQuit = 3;

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
