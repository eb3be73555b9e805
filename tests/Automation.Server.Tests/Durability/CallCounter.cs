using System.Collections.Concurrent;
using System.Net;

namespace Automation.Server.Tests.Durability;

/// <summary>A web service on 127.0.0.1 that answers every call at once and counts the calls per path.</summary>
internal sealed class CallCounter : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public CallCounter()
    {
        Port = ServerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>Calls received, by path (without the leading slash).</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    private async Task LoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _calls.AddOrUpdate(context.Request.Url!.AbsolutePath.TrimStart('/'), 1, (_, n) => n + 1);
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
