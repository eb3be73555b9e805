using System.Net;
using System.Text;
using Automation.Server.Tests.Durability;

namespace Automation.Server.Tests.Bots;

/// <summary>A one-form web page on 127.0.0.1 that the test bot keys into: a Reference field and a Save button.</summary>
internal sealed class KeyingPage : IDisposable
{
    private const string Html = """
        <!doctype html><html lang="en"><head><title>Keying</title></head><body>
        <main><h1>Invoice keying</h1>
        <label for="ref">Reference</label> <input id="ref">
        <button type="button" onclick="document.getElementById('saved').textContent = 'Saved ' + document.getElementById('ref').value">Save</button>
        <p id="saved"></p></main></body></html>
        """;

    private readonly HttpListener _listener = new();

    public KeyingPage()
    {
        var port = ServerProcess.FreePort();
        Url = $"http://127.0.0.1:{port}/keying";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    private async Task LoopAsync()
    {
        var body = Encoding.UTF8.GetBytes(Html);
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
