using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Automation.Engine.Tests.Support;

/// <summary>A request the <see cref="TestHttpServer"/> received.</summary>
public sealed record RecordedRequest(int Number, string Method, string Path, string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the <see cref="TestHttpServer"/> answers.</summary>
public sealed record TestResponse(int Status, string Body = "", string ContentType = "application/json")
{
    public static TestResponse Json(string body, int status = 200) => new(status, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener on a free port) that answers with a handler and records what it
/// received. Requests are handled concurrently, so a handler may hold one request while another arrives.
/// </summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, CancellationToken, Task<TestResponse>> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<Task> _inFlight = [];
    private readonly Task _loop;
    private int _count;

    private TestHttpServer(HttpListener listener, string baseUrl, Func<RecordedRequest, CancellationToken, Task<TestResponse>> handler)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _handler = handler;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>.</summary>
    public static TestHttpServer Start(Func<RecordedRequest, CancellationToken, Task<TestResponse>> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var baseUrl = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(baseUrl + "/");
            try
            {
                listener.Start();
                return new TestHttpServer(listener, baseUrl, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // the port was taken meanwhile: try another
            }
        }
    }

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>.</summary>
    public static TestHttpServer Start(Func<RecordedRequest, TestResponse> handler) =>
        Start((request, _) => Task.FromResult(handler(request)));

    /// <summary>The absolute address of <paramref name="path"/>.</summary>
    public string Url(string path = "/") => BaseUrl + path;

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stopping.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            _inFlight.Add(Task.Run(() => HandleAsync(context)));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(Interlocked.Increment(ref _count), context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath, body, context.Request.ContentType, headers);
            _requests.Enqueue(request);
            var response = await _handler(request, _stopping.Token);
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception)
        {
            try { context.Response.Abort(); } catch (Exception) { /* connection already gone */ }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try { await _loop; } catch (Exception) { /* stopping */ }
        try { await Task.WhenAll(_inFlight).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
        _stopping.Dispose();
    }
}
