using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace Automation.Bots.Browser.Tests.Support;

/// <summary>
/// A tiny legacy-style finance site on 127.0.0.1 (HttpListener on a free port): an invoice form (and a restyled
/// version with other labels and layout), a list of invoices with a CSV export, a file upload page and a page whose
/// message appears late, and a sign-in page. It records every invoice posted and every user signed in, so a test checks
/// what the bot keyed in.
/// </summary>
public sealed class LegacySite : IAsyncDisposable
{
    /// <summary>The CSV the export link downloads.</summary>
    public const string ExportCsv = "number,supplier,amount\nINV-1,Acme Ltd,120.00\nINV-2,Borough Supplies,75.50\n";

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _documents;

    private LegacySite(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where the site runs, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Every invoice form posted, as its fields.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Invoices { get; } = new();

    /// <summary>The user names posted to the sign-in page.</summary>
    public ConcurrentQueue<string> SignIns { get; } = new();

    /// <summary>Starts the site on a free port.</summary>
    public static LegacySite Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LegacySite(port);
    }

    /// <summary>An absolute address on the site.</summary>
    public string Url(string path) => BaseUrl + path;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            switch (request.HttpMethod, path)
            {
                case ("GET", "/invoice"):
                    await WriteAsync(response, request.QueryString["restyled"] == "1" ? RestyledForm : InvoiceForm);
                    break;
                case ("POST", "/invoice"):
                    using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                    {
                        var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                        Invoices.Enqueue(form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k] ?? ""));
                    }
                    var number = Interlocked.Increment(ref _documents);
                    await WriteAsync(response, Page("Invoice saved", $"<h1>Invoice saved</h1><p data-testid=\"doc-number\">Document FIN-{number:0000}</p>"));
                    break;
                case ("GET", "/signin"):
                    await WriteAsync(response, SignInForm);
                    break;
                case ("POST", "/signin"):
                    using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                        SignIns.Enqueue(HttpUtility.ParseQueryString(await reader.ReadToEndAsync())["user"] ?? "");
                    await WriteAsync(response, Page("Finance - Welcome", "<h1>Welcome</h1><p><a href=\"/invoice\">New invoice</a></p>"));
                    break;
                case ("GET", "/invoices"):
                    await WriteAsync(response, InvoiceList);
                    break;
                case ("GET", "/export.csv"):
                    response.AddHeader("Content-Disposition", "attachment; filename=\"invoices.csv\"");
                    await WriteAsync(response, ExportCsv, "text/csv");
                    break;
                case ("GET", "/upload"):
                    await WriteAsync(response, UploadPage);
                    break;
                case ("GET", "/late"):
                    await WriteAsync(response, LatePage);
                    break;
                default:
                    response.StatusCode = 404;
                    await WriteAsync(response, Page("Not found", "<h1>Not found</h1>"));
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The browser went away mid-answer (a test killed it).
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string body, string contentType = "text/html; charset=utf-8")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>";

    private static readonly string InvoiceForm = Page("Finance - New invoice", """
        <h1>New invoice</h1>
        <form method="post" action="/invoice">
          <p><label for="invNo">Invoice number</label> <input id="invNo" name="invoiceNumber" placeholder="Invoice no"></p>
          <p><label for="supplier">Supplier</label>
             <select id="supplier" name="supplier"><option value="">Choose...</option><option value="S1">Acme Ltd</option><option value="S2">Borough Supplies</option></select></p>
          <p><label for="amount">Amount</label> <input id="amount" name="amount"></p>
          <p><label for="pin">Approval PIN</label> <input id="pin" type="password" name="pin"></p>
          <p><button type="submit">Save invoice</button> <button type="reset">Clear</button></p>
        </form>
        """);

    // The same form after a "release": labels reworded, fields reordered, a table layout; the ids stayed.
    private static readonly string RestyledForm = Page("Finance - New invoice", """
        <h2 class="new-look">Enter supplier invoice</h2>
        <form method="post" action="/invoice">
          <table>
            <tr><td><label for="amount">Gross value</label></td><td><input id="amount" name="amount"></td></tr>
            <tr><td><label for="supplier">Vendor</label></td><td><select id="supplier" name="supplier"><option value="S1">Acme Ltd</option><option value="S2">Borough Supplies</option></select></td></tr>
            <tr><td><label for="invNo">Supplier reference</label></td><td><input id="invNo" name="invoiceNumber" placeholder="Invoice no"></td></tr>
            <tr><td><label for="pin">PIN</label></td><td><input id="pin" type="password" name="pin"></td></tr>
          </table>
          <input type="submit" value="Save invoice">
        </form>
        """);

    private static readonly string SignInForm = Page("Finance - Sign in", """
        <h1>Sign in</h1>
        <form method="post" action="/signin">
          <p><label for="user">User name</label> <input id="user" name="user"></p>
          <p><label for="password">Password</label> <input id="password" type="password" name="password"></p>
          <p><button type="submit">Sign in</button></p>
        </form>
        """);

    private static readonly string InvoiceList = Page("Finance - Invoices", """
        <h1>Invoices</h1>
        <table id="invoices" aria-label="Invoices">
          <thead><tr><th>Number</th><th>Supplier</th><th>Amount</th></tr></thead>
          <tbody>
            <tr><td>INV-1</td><td>Acme Ltd</td><td>120.00</td></tr>
            <tr><td>INV-2</td><td>Borough Supplies</td><td>75.50</td></tr>
          </tbody>
        </table>
        <p><a href="/export.csv">Export CSV</a></p>
        """);

    private static readonly string UploadPage = Page("Finance - Attach", """
        <h1>Attach a document</h1>
        <label for="file">Attach invoice</label> <input id="file" type="file">
        <p id="file-info"></p>
        <script>
          document.getElementById('file').addEventListener('change', async e => {
            const f = e.target.files[0];
            document.getElementById('file-info').textContent = f.name + ' ' + f.size + ' bytes: ' + (await f.text());
          });
        </script>
        """);

    private static readonly string LatePage = Page("Finance - Posting", """
        <h1>Posting</h1>
        <div id="status"></div>
        <script>setTimeout(() => { document.getElementById('status').innerHTML = '<p role="status">Batch posted</p>'; }, 400);</script>
        """);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
