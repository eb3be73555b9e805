using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Automation.Server.Tests.Durability;

/// <summary>
/// The real server as a separate operating-system process (the built Automation.Server.dll run by `dotnet`), so a test
/// can kill it with SIGKILL and start it again on the same data directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process printed (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the server on <paramref name="dataDirectory"/>; <paramref name="environment"/> adds or overrides settings (e.g. the store).</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string adminKey, int? port = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        port ??= FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
        };
        info.ArgumentList.Add(ServerDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        info.Environment["Automation__DataDirectory"] = dataDirectory;
        info.Environment["Automation__Store"] = "sqlite";
        info.Environment["Automation__Auth__BootstrapAdminKey"] = adminKey;
        info.Environment["Automation__Samples__Load"] = "false";
        info.Environment["Automation__Runtime__TimerPollInterval"] = "00:00:00.200";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process.");
        var server = new ServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => { lock (server._output) server._output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (server._output) server._output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitHealthyAsync();
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush: what a power cut or OOM kill does.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server did not become healthy within 60 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server assembly built in the same configuration as these tests.</summary>
    private static string ServerDll
    {
        get
        {
            var testDir = AppContext.BaseDirectory;
            var configuration = testDir.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var root = new DirectoryInfo(testDir);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Automation.sln"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("Could not find the repository root (Automation.sln) above " + testDir);
            var dll = Path.Combine(root.FullName, "engine", "Automation.Server", "bin", configuration, "net10.0", "Automation.Server.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"Build the server first ({configuration}): {dll} is missing.", dll);
            return dll;
        }
    }
}
