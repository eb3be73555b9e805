using System.Net;
using System.Text;

namespace Automation.Server.Tests.Durability;

/// <summary>
/// A web service on 127.0.0.1 whose first call never answers (so a workflow is caught mid-activity) and whose later
/// calls answer at once; it counts the calls.
/// </summary>
internal sealed class SlowService : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private int _calls;

    public SlowService()
    {
        Port = ServerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/work";
    public int Calls => Volatile.Read(ref _calls);
    public Task FirstCall => _firstCall.Task;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var call = Interlocked.Increment(ref _calls);
            if (call == 1)
            {
                _firstCall.TrySetResult();
                continue; // never answered: the caller is killed while waiting
            }
            var body = Encoding.UTF8.GetBytes("{\"ok\":true,\"call\":" + call + "}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
