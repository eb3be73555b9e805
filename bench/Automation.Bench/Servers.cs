using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Automation.Storage;
using Automation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Automation.Bench;

/// <summary>
/// Database servers and files shared by the suite: SQLite files in one temp folder, the test PostgreSQL server
/// (<see cref="PostgresServer"/>: fsync, synchronous_commit and full_page_writes off) and, on demand, a second
/// PostgreSQL cluster with production durability (all three on). Every engine gets a fresh database.
/// </summary>
internal sealed class Servers : IAsyncDisposable
{
    private TempDirectory? _files;
    private DurablePostgres? _durable;
    private int _sqliteFiles;

    /// <summary>Registers the storage of <paramref name="kind"/> on a fresh database; returns its label and a cleanup.</summary>
    public async Task<(string Label, Func<ValueTask> Cleanup)> AddStorageAsync(StoreKind kind, IServiceCollection services)
    {
        var (label, options, cleanup) = await CreateStoreAsync(kind).ConfigureAwait(false);
        services.AddAutomationStorage(options);
        return (label, cleanup);
    }

    /// <summary>
    /// A fresh, empty database of <paramref name="kind"/>: its label, the storage options every node that shares it
    /// registers, and a cleanup.
    /// </summary>
    public async Task<(string Label, StorageOptions Options, Func<ValueTask> Cleanup)> CreateStoreAsync(StoreKind kind)
    {
        switch (kind)
        {
            case StoreKind.Sqlite:
            {
                _files ??= new TempDirectory("automation-bench");
                var file = _files.Combine($"bench-{Interlocked.Increment(ref _sqliteFiles)}.db");
                return ("sqlite", new StorageOptions { Store = StorageOptions.Sqlite, ConnectionString = $"Data Source={file}" }, () =>
                {
                    foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                        if (File.Exists(f)) File.Delete(f);
                    return ValueTask.CompletedTask;
                });
            }
            case StoreKind.Postgres:
            {
                var server = await PostgresServer.GetAsync().ConfigureAwait(false);
                var connection = await server.CreateDatabaseAsync("bench").ConfigureAwait(false);
                return ("postgres (fsync off)", new StorageOptions { Store = StorageOptions.Postgres, ConnectionString = connection },
                    async () => await server.DropDatabaseAsync(connection).ConfigureAwait(false));
            }
            case StoreKind.PostgresDurable:
            {
                _durable ??= await DurablePostgres.StartAsync().ConfigureAwait(false);
                var connection = await _durable.CreateDatabaseAsync().ConfigureAwait(false);
                return ("postgres (production: fsync on, sync commit on)", new StorageOptions { Store = StorageOptions.Postgres, ConnectionString = connection },
                    () => ValueTask.CompletedTask);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public ValueTask DisposeAsync()
    {
        _durable?.Dispose();
        PostgresServer.StopStarted();
        _files?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A PostgreSQL 15 cluster with the durability a production server has (fsync, synchronous_commit and
/// full_page_writes on: each commit waits for its WAL flush), for the one bench cell that shows that cost.
/// Started the way <see cref="PostgresServer"/> starts the test cluster (as the postgres user, on a free loopback port).
/// </summary>
internal sealed class DurablePostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _run;
    private readonly string _admin;

    private DurablePostgres(string run, string admin) => (_run, _admin) = (run, admin);

    public static async Task<DurablePostgres> StartAsync()
    {
        var run = Path.Combine(Path.GetTempPath(), "automation-bench-pg", $"run-{Environment.ProcessId}");
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        Directory.CreateDirectory(run);
        Shell("chmod", "755", Path.GetDirectoryName(run)!);
        Shell("chown", "postgres:postgres", run);
        var data = Path.Combine(run, "data");
        AsPostgres($"{Bin}/initdb -D '{data}' -U postgres -A trust -E UTF8 --no-instructions");
        var port = FreePort();
        var options = $"-h 127.0.0.1 -p {port} -k {run} -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=200";
        AsPostgres($"{Bin}/pg_ctl -D '{data}' -l '{Path.Combine(run, "server.log")}' -o '{options}' -w -t 30 start");
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        var server = new DurablePostgres(run, admin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var check = new NpgsqlCommand("SHOW fsync", connection);
        if ((string?)await check.ExecuteScalarAsync().ConfigureAwait(false) != "on") throw new InvalidOperationException("The durable cluster runs without fsync.");
        return server;
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public void Dispose()
    {
        if (!Directory.Exists(_run)) return;
        try { AsPostgres($"{Bin}/pg_ctl -D '{Path.Combine(_run, "data")}' -m immediate -w -t 30 stop"); }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_run, recursive: true); }
        catch (IOException) { }
    }

    private static void AsPostgres(string command) => Shell("su", "postgres", "-s", "/bin/sh", "-c", command);

    private static void Shell(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {output.Result}{error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
